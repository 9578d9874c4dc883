using RealmCi.Layout;
using System.Diagnostics;
using System.Globalization;
using RealmCi.CMake;
using RealmCi.Containers;
using RealmCi.Results;

namespace RealmCi.Execution;

/// <summary>
/// Runs a planned step through an executor, into the step's own log file, under the step's
/// timeout. A non-zero exit is a <see cref="StepStatus.Failed"/> result; a timeout is
/// <see cref="StepStatus.TimedOut"/>; Ctrl-C is <see cref="StepStatus.Cancelled"/> (and the
/// caller stops).
/// </summary>
public sealed partial class StepRunner(IExecutor executor, StepPlan plan, string folder, IRunObserver observer)
{
    public string ConfigurationId => plan.ConfigurationId;

    public string LogPath(StepKind step) => new ConfigurationFolder(folder).Log(step);

    /// <summary>Runs the step's command. With <paramref name="append"/> the log keeps what the step wrote before (its listings).</summary>
    public async Task<StepResult> RunAsync(PlannedStep step, bool append, CancellationToken cancellation)
    {
        var log = LogPath(step.Kind);
        var started = Stopwatch.StartNew();
        await using var writer = new StreamWriter(log, append) { AutoFlush = true };
        var described = PlanText.Line(plan, step);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(step.Timeout);
        observer.StepStarted(plan.ConfigurationId, step.Kind, ShellQuote.Join(step.Command));
        long code;
        try
        {
            await writer.WriteLineAsync($"$ {ShellQuote.Join(step.Command)}");
            code = await executor.RunAsync(step, step.Command, line =>
            {
                Write(writer, line);
                if (step.Kind == StepKind.Build && NinjaProgress().Match(line.Text) is { Success: true } m)
                    observer.Progress(plan.ConfigurationId, int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].ValueSpan, CultureInfo.InvariantCulture));
            }, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            var minutes = step.Timeout.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture);
            await writer.WriteLineAsync($"realm-ci: {step.Name} timed out after {minutes} min; stopped.");
            return new StepResult(step.Kind, StepStatus.TimedOut, null, started.Elapsed.TotalSeconds, described, log, $"timed out after {minutes} min");
        }
        catch (OperationCanceledException)
        {
            await writer.WriteLineAsync($"realm-ci: {step.Name} interrupted.");
            return new StepResult(step.Kind, StepStatus.Cancelled, null, started.Elapsed.TotalSeconds, described, log, "interrupted");
        }
        var status = code == 0 ? StepStatus.Passed : StepStatus.Failed;
        var reason = code == 0 ? null : $"exit code {code}";
        if (code != 0 && step.Kind == StepKind.Build)
        {
            await writer.FlushAsync(CancellationToken.None);
            if (FirstCompilerError.InFile(log) is { } error) reason += $"; first error: {error}";
        }
        return new StepResult(step.Kind, status, code, started.Elapsed.TotalSeconds, described, log, reason);
    }

    /// <summary>Runs one of the step's listing commands and returns its standard output, logging standard error.</summary>
    public async Task<(long Code, string Stdout)> CaptureAsync(PlannedStep step, IReadOnlyList<string> command, CancellationToken cancellation)
    {
        var stdout = new System.Text.StringBuilder();
        await using var writer = new StreamWriter(LogPath(step.Kind), append: true) { AutoFlush = true };
        await writer.WriteLineAsync($"$ {ShellQuote.Join(command)}");
        var code = await executor.RunAsync(step, command, line =>
        {
            if (line.IsError) Write(writer, line);
            else lock (stdout) stdout.AppendLine(line.Text);
        }, cancellation);
        return (code, stdout.ToString());
    }

    /// <summary>Ninja's status line: "[42/179] Building CXX object …".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\[(\d+)/(\d+)\] ")]
    private static partial System.Text.RegularExpressions.Regex NinjaProgress();

    private static void Write(StreamWriter writer, OutputLine line)
    {
        lock (writer) writer.WriteLine(line.Text);
    }
}
