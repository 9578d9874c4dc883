using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using RealmCi.CMake;
using RealmCi.Containers;

namespace RealmCi.Execution;

/// <summary>
/// Runs the commands of one step through an executor, into the step's own log file, under the
/// step's timeout. A non-zero exit is a <see cref="StepStatus.Failed"/> result; a timeout is
/// <see cref="StepStatus.TimedOut"/>; Ctrl-C is <see cref="StepStatus.Cancelled"/> (and the
/// caller stops).
/// </summary>
public sealed partial class StepRunner(IExecutor executor, ImmutableSortedDictionary<string, string> env, string folder, string id, IRunObserver observer)
{
    public string LogPath(StepKind step) => Path.Combine(folder, $"{step.ToString().ToLowerInvariant()}.log");

    /// <summary>Runs <paramref name="commands"/> in order, stopping at the first failure. With <paramref name="append"/> the log keeps what the step wrote before.</summary>
    public async Task<StepResult> RunAsync(StepKind step, TimeSpan timeout, bool append, CancellationToken cancellation, params IReadOnlyList<string>[] commands)
    {
        var log = LogPath(step);
        var started = Stopwatch.StartNew();
        await using var writer = new StreamWriter(log, append) { AutoFlush = true };
        var described = string.Join("\n", commands.Select(c => executor.Describe(step, c, env)));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        observer.StepStarted(id, step, ShellQuote.Join(commands[^1]));
        long code = 0;
        try
        {
            foreach (var command in commands)
            {
                await writer.WriteLineAsync($"$ {ShellQuote.Join(command)}");
                code = await executor.RunAsync(step, command, env, line =>
                {
                    Write(writer, line);
                    if (step == StepKind.Build && NinjaProgress().Match(line.Text) is { Success: true } m)
                        observer.Progress(id, int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].ValueSpan, CultureInfo.InvariantCulture));
                }, deadline.Token);
                if (code != 0) break;
            }
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            await writer.WriteLineAsync($"realm-ci: {step} timed out after {timeout.TotalMinutes:0.#} min; stopped.");
            return new StepResult(step, StepStatus.TimedOut, null, started.Elapsed.TotalSeconds, described, log, $"timed out after {timeout.TotalMinutes:0.#} min");
        }
        catch (OperationCanceledException)
        {
            await writer.WriteLineAsync($"realm-ci: {step} interrupted.");
            return new StepResult(step, StepStatus.Cancelled, null, started.Elapsed.TotalSeconds, described, log, "interrupted");
        }
        var status = code == 0 ? StepStatus.Passed : StepStatus.Failed;
        return new StepResult(step, status, code, started.Elapsed.TotalSeconds, described, log, code == 0 ? null : $"exit code {code}");
    }

    /// <summary>Runs one command and returns its standard output (for listings), logging both streams.</summary>
    public async Task<(long Code, string Stdout)> CaptureAsync(StepKind step, IReadOnlyList<string> command, CancellationToken cancellation)
    {
        var stdout = new System.Text.StringBuilder();
        await using var writer = new StreamWriter(LogPath(step), append: true) { AutoFlush = true };
        await writer.WriteLineAsync($"$ {ShellQuote.Join(command)}");
        var code = await executor.RunAsync(step, command, env, line =>
        {
            if (line.IsError) Write(writer, line);
            else stdout.AppendLine(line.Text);
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
