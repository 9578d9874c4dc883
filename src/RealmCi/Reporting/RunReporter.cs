using RealmCi.CMake;
using RealmCi.Matrix;
using RealmCi.Results;
using Spectre.Console;

namespace RealmCi.Reporting;

/// <summary>
/// Plain, timestamped lines, for CI logs and any output that is not a terminal: each step as it
/// starts, build progress every tenth, a status line per configuration with what a known failure
/// means and how to fix it (else the tail of the failing step's log), and a summary with the command that reproduces each failure.
/// Text only; it runs nothing.
/// </summary>
public sealed class RunReporter(IAnsiConsole console, bool verbose = false, int tailLines = 25) : IRunObserver
{
    private readonly Dictionary<string, int> tenths = [];

    public Task<T> Around<T>(Func<Task<T>> run) => run();

    public void Log(string line) => Stamp(Markup.Escape(line));

    public void Line(string text) => console.WriteLine(text);

    /// <summary>
    /// Image preparation output: headlines always, notes and the tools' own output only when verbose. A
    /// preparation shared by several configurations replays its lines to each of them: a headline or note is
    /// shown once per run (each configuration's image.log still has every line).
    /// </summary>
    public void Detail(ImageLine line)
    {
        if (!(verbose || line.Kind == ImageLineKind.Headline) || !shown.FirstTime(line)) return;
        Stamp(Markup.Escape(line.Text));
    }

    private readonly ShownOnce shown = new();

    public void Queued(IReadOnlyList<BuildConfiguration> configurations) { }

    public void StepStarted(string id, StepKind step, string command)
    {
        if (step == StepKind.Build) lock (tenths) tenths.Remove(id); // the same Id built again (a bisection's next candidate) shows its progress anew
        if (step == StepKind.Image && !verbose) return;
        Stamp($"[bold]{Markup.Escape(id)}[/]: {Verb(step)}{(verbose && command.Length > 0 ? ": " + Markup.Escape(command) : "")}");
    }

    public void Progress(string id, int done, int total)
    {
        var tenth = total == 0 ? 0 : done * 10 / total;
        lock (tenths)
        {
            if (tenths.TryGetValue(id, out var last) && last >= tenth) return;
            tenths[id] = tenth;
        }
        if (tenth > 0) Stamp($"[bold]{Markup.Escape(id)}[/]: building {done}/{total} ({tenth * 10}%)");
    }

    public void Finished(ConfigurationResult r)
    {
        if (r.Status is ConfigurationStatus.NotRun or ConfigurationStatus.Unavailable)
        {
            var reason = r.Reason is { } why && why.StartsWith(r.StatusText + ": ", StringComparison.Ordinal) ? why[(r.StatusText.Length + 2)..] : r.Reason; // not "unavailable — unavailable: …"
            Stamp($"[bold]{Markup.Escape(r.Id)}[/]: [yellow]{r.StatusText}[/]{Markup.Escape(reason is null ? "" : $" — {reason}")}");
            return;
        }
        var counts = r.Counts;
        var color = r.Succeeded ? "green" : r.Status == ConfigurationStatus.Failed ? "red" : "yellow";
        var cached = r.Status == ConfigurationStatus.Cached ? $" (passed at {r.CachedAt:yyyy-MM-dd HH:mm}{(r.CachedFrom is null ? "" : $" in run {r.CachedFrom}")}; files in {r.Artifacts})" : "";
        Stamp($"[bold]{Markup.Escape(r.Id)}[/]: [{color}]{r.StatusText}[/] in {SummaryFiles.Duration(r.Seconds)} — tests {counts.Passed} passed, {counts.Failed} failed, {counts.Skipped} skipped{Quarantined(r)}{Markup.Escape(cached)}");
        if (r.Succeeded) return;
        var failing = FailureDiagnosis.FailingStep(r);
        if (failing is null) return;
        console.MarkupLineInterpolated($"  [red]{failing.Name} {failing.Status.ToString().ToLowerInvariant()}[/]{(failing.Reason is null ? "" : $": {failing.Reason}")}");
        // A known failure says what it means and what to do; an unknown one shows the log's tail.
        foreach (var line in r.Known.SelectMany(FailureDiagnosis.Describe)) console.WriteLine("  " + line);
        if (r.Known.Count == 0 && failing.Log is not null && File.Exists(failing.Log))
        {
            console.MarkupLineInterpolated($"  [grey]last lines of {failing.Log}:[/]");
            var tail = Tail(failing.Log, tailLines).ToList();
            foreach (var line in tail) console.WriteLine("  | " + line);
            // CMake's tail is often blank lines and "Configuring incomplete": the cause is further up.
            if (FirstError(failing.Log) is { } first && !tail.Contains(first.Text))
                console.MarkupLineInterpolated($"  [grey]first error, line {first.Line} of {failing.Log}:[/] {first.Text.Trim()}{(first.Next is null ? "" : " " + first.Next.Trim())}");
        }
    }

    private static string Quarantined(ConfigurationResult r)
    {
        var tally = TestTally.Of(r.Tests);
        return (tally.Quarantined > 0 ? $", {tally.Quarantined} quarantined" : "") + (tally.NotRun.GetValueOrDefault(TestLeftOut.LabelFilter) is > 0 and var n ? $", {n} left out by labels" : "");
    }

    public void Summary(IReadOnlyList<ConfigurationResult> results, int selected)
    {
        if (results.Count == 0) { console.WriteLine("No configuration ran."); return; }
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Id").NoWrap()).AddColumn("Status").AddColumn(new TableColumn("Time").RightAligned())
            .AddColumn(new TableColumn("Passed").RightAligned()).AddColumn(new TableColumn("Failed").RightAligned())
            .AddColumn(new TableColumn("Skipped").RightAligned()).AddColumn("First failure");
        foreach (var r in results)
        {
            var c = r.Counts;
            table.AddRow(Markup.Escape(r.Id), r.StatusText, SummaryFiles.Duration(r.Seconds), $"{c.Passed}", $"{c.Failed}", $"{c.Skipped}", Markup.Escape(r.Note ?? ""));
        }
        console.Write(table);
        var passed = results.Count(r => r.Succeeded);
        var cached = results.Count(r => r.Status == ConfigurationStatus.Cached);
        var notRun = results.Count(r => r.Status == ConfigurationStatus.NotRun) + Math.Max(0, selected - results.Count);
        var unavailable = results.Count(r => r.Status == ConfigurationStatus.Unavailable);
        console.WriteLine($"{passed} of {selected} configurations passed" + (cached > 0 ? $" ({cached} cached)" : "") +
            (notRun > 0 ? $"; {notRun} not run" : "") + (unavailable > 0 ? $"; {unavailable} unavailable here" : "") + ".");
        foreach (var note in results.SelectMany(SummaryFiles.TestNotes))
            if (note.IsWarning) console.MarkupLine($"[bold yellow]{Markup.Escape(note.Text)}[/]");
            else Unwrapped(note.Text);
        foreach (var r in results.Where(r => r.Status is ConfigurationStatus.NotRun or ConfigurationStatus.Unavailable))
            Unwrapped($"{(r.Status == ConfigurationStatus.NotRun ? "Not run" : "Unavailable")} {r.Id}: {r.Reason}");
        foreach (var r in results.Where(r => r.Status is ConfigurationStatus.Failed or ConfigurationStatus.Cancelled))
            Unwrapped($"Reproduce {r.Id}: {r.Reproduce}   (logs: {r.Artifacts})");
    }

    /// <summary>A line that must stay one line (a command to paste): written past the console's wrapping.</summary>
    private void Unwrapped(string line)
    {
        var writer = console.Profile.Out.Writer;
        writer.WriteLine(line);
        writer.Flush();
    }

    internal static string Verb(StepKind step) => step switch
    {
        StepKind.Image => "preparing image",
        StepKind.Configure => "configuring",
        StepKind.Build => "building",
        StepKind.Test => "testing",
        StepKind.Coverage => "measuring coverage",
        StepKind.Abi => "checking the ABI",
        _ => "installing",
    };

    /// <summary>The log's first error (a "CMake Error" line, or a compiler's "error:"), with the line after it (CMake puts the message there).</summary>
    internal static (int Line, string Text, string? Next)? FirstError(string path)
    {
        var lines = File.ReadLines(path).Take(200_000).ToList();
        var at = lines.FindIndex(l => l.StartsWith("CMake Error", StringComparison.Ordinal) || l.Contains(": error: ", StringComparison.Ordinal));
        if (at < 0) return null;
        var next = lines.Skip(at + 1).FirstOrDefault(l => l.Trim().Length > 0);
        return (at + 1, lines[at], lines[at].StartsWith("CMake Error", StringComparison.Ordinal) ? next : null);
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

    private void Stamp(string markup) => console.MarkupLine($"[grey]{DateTime.Now:HH:mm:ss}[/] {markup}");
}
