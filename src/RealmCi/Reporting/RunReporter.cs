using RealmCi.Execution;
using RealmCi.Matrix;
using Spectre.Console;

namespace RealmCi.Reporting;

/// <summary>
/// What a person sees while configurations run and when they end: timestamped progress lines,
/// a status line per configuration with the tail of a failing step's log, and a summary with
/// the command that reproduces each failure. Text only; it runs nothing.
/// </summary>
public sealed class RunReporter(IAnsiConsole console, bool verbose = false, int tailLines = 25)
{
    public void Log(string line)
    {
        if (!verbose && line.StartsWith('[') && !line.Contains("] image:") && !IsStepStart(line)) return;
        console.MarkupLineInterpolated($"[grey]{DateTime.Now:HH:mm:ss}[/] {line}");
    }

    public void Line(string text) => console.WriteLine(text);

    /// <summary>Image preparation output: headlines always, the build's own output only when verbose.</summary>
    public void Detail(string line)
    {
        string[] headlines = ["building image", "image ", "bootstrapping", "importing", "base image", "pull"];
        if (verbose || headlines.Any(h => line.StartsWith(h, StringComparison.Ordinal)))
            console.MarkupLineInterpolated($"[grey]{DateTime.Now:HH:mm:ss}[/] {line}");
    }

    public void Starting(BuildConfiguration c) =>
        console.MarkupLineInterpolated($"[grey]{DateTime.Now:HH:mm:ss}[/] [bold]{c.Id}[/]: starting");

    public void Finished(ConfigurationResult r)
    {
        var counts = r.Counts;
        var color = r.Status == ConfigurationStatus.Passed ? "green" : r.Status == ConfigurationStatus.Failed ? "red" : "yellow";
        console.MarkupLineInterpolated(
            $"[grey]{DateTime.Now:HH:mm:ss}[/] [bold]{r.Id}[/]: [{color}]{r.Status.ToString().ToLowerInvariant()}[/] in {Duration(r.Seconds)} — tests {counts.Passed} passed, {counts.Failed} failed, {counts.Skipped} skipped");
        if (r.Status == ConfigurationStatus.Passed) return;
        var failing = r.Steps.FirstOrDefault(s => s.Status is not StepStatus.Passed and not StepStatus.Skipped);
        if (failing is null) return;
        console.MarkupLineInterpolated($"  [red]{failing.Name} {failing.Status.ToString().ToLowerInvariant()}[/]{(failing.Reason is null ? "" : $": {failing.Reason}")}");
        if (failing.Log is not null && File.Exists(failing.Log))
        {
            console.MarkupLineInterpolated($"  [grey]last lines of {failing.Log}:[/]");
            foreach (var line in Tail(failing.Log, tailLines)) console.WriteLine("  | " + line);
        }
    }

    public void Summary(IReadOnlyList<ConfigurationResult> results, int selected)
    {
        if (results.Count == 0) { console.WriteLine("No configuration ran."); return; }
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Id").AddColumn("Status").AddColumn(new TableColumn("Time").RightAligned())
            .AddColumn(new TableColumn("Passed").RightAligned()).AddColumn(new TableColumn("Failed").RightAligned())
            .AddColumn(new TableColumn("Skipped").RightAligned()).AddColumn("First failure");
        foreach (var r in results)
        {
            var c = r.Counts;
            table.AddRow(Markup.Escape(r.Id), r.Status.ToString().ToLowerInvariant(), Duration(r.Seconds), $"{c.Passed}", $"{c.Failed}", $"{c.Skipped}", Markup.Escape(r.FirstFailure ?? ""));
        }
        console.Write(table);
        var passed = results.Count(r => r.Status == ConfigurationStatus.Passed);
        console.WriteLine($"{passed} of {selected} configurations passed" + (results.Count < selected ? $" ({selected - results.Count} not run)" : "") + ".");
        foreach (var r in results.Where(r => r.Status != ConfigurationStatus.Passed))
            console.WriteLine($"Reproduce {r.Id}: {r.Reproduce}   (logs: {r.Artifacts})");
    }

    internal static IEnumerable<string> Tail(string path, int lines)
    {
        var queue = new Queue<string>(lines);
        foreach (var line in File.ReadLines(path))
        {
            if (queue.Count == lines) queue.Dequeue();
            queue.Enqueue(line);
        }
        return queue;
    }

    private static bool IsStepStart(string line) =>
        line.Contains("] configure:") || line.Contains("] build:") || line.Contains("] test:") || line.Contains("] install:") || line.Contains("] error:");

    private static string Duration(double seconds) =>
        seconds >= 60 ? $"{(int)seconds / 60}m{(int)seconds % 60:00}s" : $"{seconds:F1}s";
}
