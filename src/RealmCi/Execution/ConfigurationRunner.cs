using System.Collections.Immutable;
using System.Diagnostics;
using RealmCi.CMake;
using RealmCi.Containers;
using RealmCi.Images;
using RealmCi.Matrix;
using RealmCi.Reporting;

namespace RealmCi.Execution;

/// <summary>
/// One configuration end to end: image → configure → build → test → install, each step with its
/// own log and timeout, into <c>artifacts/ID/</c>. Whatever happens, <c>result.json</c> and
/// <c>reproduce.sh</c> are written (in <c>finally</c>); a failure is a result.
/// </summary>
public sealed class ConfigurationRunner(PipelineOptions options, IContainerEngine? engine, ImagePreparer? images, Action<string> progress)
{
    public async Task<ConfigurationResult> RunAsync(BuildConfiguration c, CancellationToken cancellation)
    {
        var folder = Path.Combine(options.Artifacts, c.Id);
        Directory.CreateDirectory(folder);
        foreach (var stale in new[] { "result.json", "junit.xml", "image.log", "configure.log", "build.log", "test.log", "install.log" })
            File.Delete(Path.Combine(folder, stale));
        var ccache = Path.Combine(options.Cache, "ccache");
        Directory.CreateDirectory(ccache);

        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var results = new List<StepResult>();
        IReadOnlyList<TestCaseResult> tests = [];
        string? image = null;
        IExecutor? executor = null;
        var env = c.Settings.Env;
        var reproduce = $"{options.ReproducePrefix} --config={c.Id}";
        var current = StepKind.Image;
        try
        {
            if (engine is not null && images is not null)
            {
                var (step, prepared) = await PrepareImageAsync(c, folder, cancellation);
                results.Add(step);
                if (prepared is null) return Finish();
                image = prepared.Tag;
                File.WriteAllText(Path.Combine(folder, "Dockerfile"), prepared.Dockerfile);
                var labels = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
                {
                    [Labels.Run] = options.RunId,
                    [Labels.Configuration] = c.Id,
                    [Labels.Pid] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    [Labels.Host] = Environment.MachineName,
                });
                executor = new DockerExecutor(engine, prepared.Tag, options.Source, Path.GetFullPath(folder), ccache, options.User, labels,
                    c.Settings.Container.ShmSize, options.GpuPresent && c.Settings.Container.Gpus is not null);
            }
            else executor = new HostExecutor(options.Source, Path.GetFullPath(folder), ccache);

            var steps = new StepRunner(executor, env, folder, line => progress($"[{c.Id}] {line}"));
            var at = executor.Layout;
            var ccacheUsable = executor is DockerExecutor ? c.Settings.Packages.Contains("ccache") : HostFacts.HasTool("ccache");

            current = StepKind.Configure;
            var configure = CMakeCommands.Configure(c, at, options.SourceSubdir, ccacheUsable);
            if (!Passed(await steps.RunAsync(StepKind.Configure, options.Timeout(StepKind.Configure), false, cancellation, configure))) return Finish();

            current = StepKind.Build;
            var build = CMakeCommands.Build(at, options.Parallel);
            if (!Passed(await steps.RunAsync(StepKind.Build, options.Timeout(StepKind.Build), false, cancellation, build))) return Finish();

            if (options.RunTests)
            {
                current = StepKind.Test;
                var (testStep, testResults) = await TestStep.RunAsync(c, executor, steps, options, Path.GetFullPath(folder), cancellation);
                tests = testResults;
                results.Add(testStep);
                if (testStep.Status == StepStatus.Cancelled) return Finish();
            }

            current = StepKind.Install;
            var install = CMakeCommands.Install(at);
            Passed(await steps.RunAsync(StepKind.Install, options.Timeout(StepKind.Install), false, cancellation, install));
            return Finish();
        }
        catch (OperationCanceledException)
        {
            // Interrupted outside a step's own handling (e.g. preparing the image): still a result.
            results.Add(new StepResult(current, StepStatus.Cancelled, null, 0, null, null, "interrupted"));
            return Finish();
        }
        catch (Exception e)
        {
            // The engine went away, a tool is missing…: this configuration failed; others go on.
            results.Add(new StepResult(current, StepStatus.Failed, null, 0, null, null, e.Message));
            progress($"[{c.Id}] error: {e.Message}");
            return Finish();
        }

        bool Passed(StepResult step)
        {
            results.Add(step);
            return step.Status == StepStatus.Passed;
        }

        ConfigurationResult Finish()
        {
            var status = results.Any(s => s.Status == StepStatus.Cancelled) ? ConfigurationStatus.Cancelled
                : results.All(s => s.Status == StepStatus.Passed) && tests.All(t => t.Status != TestStatus.Failed) ? ConfigurationStatus.Passed
                : ConfigurationStatus.Failed;
            var result = new ConfigurationResult(c.Id, status, results, tests, image, executor?.Kind ?? (engine is null ? "host" : "docker"),
                started, clock.Elapsed.TotalSeconds, Path.GetFullPath(folder), reproduce);
            ResultJson.Write(Path.Combine(folder, "result.json"), result);
            AtomicFile.WriteText(Path.Combine(folder, "reproduce.sh"), ReproduceScript(c, result));
            return result;
        }
    }

    private async Task<(StepResult, PreparedImage?)> PrepareImageAsync(BuildConfiguration c, string folder, CancellationToken cancellation)
    {
        var log = Path.Combine(folder, "image.log");
        var clock = Stopwatch.StartNew();
        await using var writer = new StreamWriter(log) { AutoFlush = true };
        void Log(string line) { lock (writer) writer.WriteLine(line); }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(options.Timeout(StepKind.Image));
        try
        {
            progress($"[{c.Id}] image: preparing");
            var prepared = await images!.PrepareAsync(c, Log, deadline.Token);
            Log($"image {prepared.Tag} ({(prepared.Built ? "built" : "up to date")})");
            return (new StepResult(StepKind.Image, StepStatus.Passed, 0, clock.Elapsed.TotalSeconds, prepared.Tag, log), prepared);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return (new StepResult(StepKind.Image, StepStatus.TimedOut, null, clock.Elapsed.TotalSeconds, null, log, "timed out"), null);
        }
        catch (ImageBuildException e)
        {
            Log(e.Message);
            return (new StepResult(StepKind.Image, StepStatus.Failed, null, clock.Elapsed.TotalSeconds, null, log, e.Message), null);
        }
    }

    /// <summary>The commands each step really ran, after a realm-ci one-liner.</summary>
    private string ReproduceScript(BuildConfiguration c, ConfigurationResult r) =>
        $"""
        #!/usr/bin/env bash
        # Reproduces configuration {c.Id} ({r.Status.ToString().ToLowerInvariant()} in realm-ci run {options.RunId}).
        #
        # With realm-ci, from its checkout:
        #   {r.Reproduce}
        #
        # Or by hand, the same steps ({r.Executor} executor):
        set -euo pipefail
        {string.Join("\n", r.Steps.Where(s => s.Step != StepKind.Image && s.Command is not null).Select(s => s.Command))}

        """;
}
