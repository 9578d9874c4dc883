using System.Collections.Concurrent;
using System.Diagnostics;
using RealmCi.CMake;
using RealmCi.Matrix;
using RealmCi.Results;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RealmCi.Reporting;

/// <summary>
/// A table that updates in place while configurations run (a terminal only): each
/// configuration's state — queued, preparing image, configuring, building (with Ninja's
/// progress), testing, installing, passed, failed, cached — and its elapsed time, plus the
/// latest pipeline messages. When the run ends, the failure details and the summary are
/// printed as the plain reporter prints them.
/// </summary>
public sealed class LiveView(IAnsiConsole console, RunReporter final) : IRunObserver
{
    private sealed record State(string Text, string Color, Stopwatch? Clock, int Done = 0, int Total = 0);

    private readonly ConcurrentDictionary<string, State> states = new();
    private readonly List<string> order = [];
    private readonly Queue<string> messages = new();
    private readonly List<ConfigurationResult> finished = [];

    public async Task<T> Around<T>(Func<Task<T>> run)
    {
        T result = default!;
        await console.Live(Render()).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).StartAsync(async context =>
        {
            var work = run();
            while (!work.IsCompleted)
            {
                context.UpdateTarget(Render());
                await Task.WhenAny(work, Task.Delay(250));
            }
            context.UpdateTarget(Render());
            result = await work;
        });
        return result;
    }

    public void Log(string line)
    {
        lock (messages)
        {
            messages.Enqueue($"{DateTime.Now:HH:mm:ss} {line}");
            while (messages.Count > 4) messages.Dequeue();
        }
    }

    /// <summary>Image preparation's headlines join the latest messages; the rest is in each configuration's image.log (the live view is never verbose).</summary>
    public void Detail(ImageLine line)
    {
        if (line.Kind == ImageLineKind.Headline && shown.FirstTime(line)) Log(line.Text);
    }

    private readonly ShownOnce shown = new();

    public void Queued(IReadOnlyList<BuildConfiguration> configurations)
    {
        lock (order) order.AddRange(configurations.Select(c => c.Id));
        foreach (var c in configurations) states[c.Id] = new State("queued", "grey", null);
    }

    public void StepStarted(string id, StepKind step, string command) =>
        states.AddOrUpdate(id, _ => new State(RunReporter.Verb(step), "blue", Stopwatch.StartNew()),
            (_, s) => s with { Text = RunReporter.Verb(step), Color = "blue", Clock = s.Clock ?? Stopwatch.StartNew(), Done = 0, Total = 0 });

    public void Progress(string id, int done, int total) => states.AddOrUpdate(id, _ => new State("building", "blue", Stopwatch.StartNew(), done, total),
        (_, s) => s with { Done = done, Total = total });

    public void Finished(ConfigurationResult r)
    {
        var color = r.Succeeded ? "green" : r.Status == ConfigurationStatus.Failed ? "red" : "yellow";
        states.AddOrUpdate(r.Id, _ => new State(r.StatusText, color, null),
            (_, s) => s with { Text = r.StatusText, Color = color, Clock = null });
        lock (finished) finished.Add(r);
    }

    public void Summary(IReadOnlyList<ConfigurationResult> results, int selected)
    {
        foreach (var r in results.Where(r => r.Status is ConfigurationStatus.Failed or ConfigurationStatus.Cancelled)) final.Finished(r);
        final.Summary(results, selected);
    }

    private IRenderable Render()
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("Id").NoWrap()).AddColumn("State").AddColumn(new TableColumn("Elapsed").RightAligned());
        List<string> ids;
        lock (order) ids = [.. order];
        foreach (var id in ids)
        {
            var s = states.GetValueOrDefault(id) ?? new State("queued", "grey", null);
            var text = s.Total > 0 && s.Text == "building" ? $"building {s.Done}/{s.Total} ({100 * s.Done / s.Total}%)" : s.Text;
            var elapsed = s.Clock is { } clock ? SummaryFiles.Duration(clock.Elapsed.TotalSeconds) : Result(id);
            table.AddRow(Markup.Escape(id), $"[{s.Color}]{Markup.Escape(text)}[/]", elapsed);
        }
        string[] recent;
        lock (messages) recent = [.. messages];
        return new Rows(table, new Markup(Markup.Escape(string.Join("\n", recent))));
    }

    private string Result(string id)
    {
        lock (finished) return finished.FirstOrDefault(r => r.Id == id) is { } r ? SummaryFiles.Duration(r.Seconds) : "";
    }
}
