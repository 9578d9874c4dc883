using System.Diagnostics;
using RealmCi.Caching;
using RealmCi.CMake;
using RealmCi.Containers;
using RealmCi.Images;
using RealmCi.Matrix;
using RealmCi.Reporting;

namespace RealmCi.Execution;

/// <summary>
/// One configuration end to end: image → (result cache) → configure → build → test → install,
/// each step with its own log and timeout, into <c>artifacts/ID/</c>. A configuration whose
/// inputs are unchanged since it last passed is reported as cached, pointing at the earlier
/// artifacts. Whatever happens, <c>result.json</c> and <c>reproduce.sh</c> are written (in
/// <c>finally</c>); a failure is a result.
/// </summary>
public sealed class ConfigurationRunner(PipelineOptions options, IContainerEngine? engine, ImagePreparer? images, IRunObserver observer,
    ResultCache? cache = null, string? sourceFingerprint = null)
{
    private static readonly string[] Outputs = ["result.json", "junit.xml", "image.log", "configure.log", "build.log", "test.log", "install.log", "Dockerfile", "reproduce.sh"];

    public async Task<ConfigurationResult> RunAsync(BuildConfiguration c, int parallel, CancellationToken cancellation)
    {
        var folder = Path.GetFullPath(Path.Combine(options.Artifacts, c.Id));
        Directory.CreateDirectory(folder);
        var ccache = Path.Combine(options.Cache, "ccache");
        Directory.CreateDirectory(ccache);

        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var results = new List<StepResult>();
        IReadOnlyList<TestCaseResult> tests = [];
        string? image = null;
        string? key = null;
        IExecutor? executor = null;
        var env = c.Settings.Env;
        var reproduce = $"{options.ReproducePrefix} --config={c.Id}";
        var current = StepKind.Image;
        try
        {
            PreparedImage? prepared = null;
            if (engine is not null && images is not null)
            {
                observer.StepStarted(c.Id, StepKind.Image, "");
                var (step, ready) = await PrepareImageAsync(c, folder, cancellation);
                if (ready is null) { results.Add(step); return Finish(); }
                prepared = ready;
                image = ready.Tag;
                results.Add(step);
            }

            if (cache is not null && sourceFingerprint is not null)
            {
                key = CacheKey.Compute(c, sourceFingerprint, options.SourceSubdir, image ?? $"host:{Environment.MachineName}", options.RunTests, options.GpuPresent);
                if (!options.Force && cache.Find(key) is { } hit) return Cached(hit);
            }

            foreach (var stale in Outputs) File.Delete(Path.Combine(folder, stale));
            if (prepared is not null)
            {
                File.WriteAllText(Path.Combine(folder, "Dockerfile"), prepared.Dockerfile);
                File.WriteAllLines(Path.Combine(folder, "image.log"), prepared.Log);
                executor = new DockerExecutor(engine!, prepared.Tag, options.Source, folder, ccache, options.User, Labels.For(options.RunId, c.Id),
                    c.Settings.Container.ShmSize, options.GpuPresent && c.Settings.Container.Gpus is not null);
            }
            else executor = new HostExecutor(options.Source, folder, ccache);

            var steps = new StepRunner(executor, env, folder, c.Id, observer);
            var at = executor.Layout;
            var ccacheUsable = executor is DockerExecutor ? c.Settings.Packages.Contains("ccache") : HostFacts.HasTool("ccache");

            current = StepKind.Configure;
            var configure = CMakeCommands.Configure(c, at, options.SourceSubdir, ccacheUsable);
            if (!Passed(await steps.RunAsync(StepKind.Configure, options.Timeout(StepKind.Configure), false, cancellation, configure))) return Finish();

            current = StepKind.Build;
            var build = CMakeCommands.Build(at, parallel);
            if (!Passed(await steps.RunAsync(StepKind.Build, options.Timeout(StepKind.Build), false, cancellation, build))) return Finish();

            if (options.RunTests)
            {
                current = StepKind.Test;
                var (testStep, testResults) = await TestStep.RunAsync(c, executor, steps, options, parallel, folder, cancellation);
                tests = testResults;
                results.Add(testStep);
                if (testStep.Status == StepStatus.Cancelled) return Finish();
            }

            current = StepKind.Install;
            Passed(await steps.RunAsync(StepKind.Install, options.Timeout(StepKind.Install), false, cancellation, CMakeCommands.Install(at)));
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
            observer.Log($"{c.Id}: {current.ToString().ToLowerInvariant()} failed: {e.Message}");
            return Finish();
        }

        bool Passed(StepResult step)
        {
            results.Add(step);
            return step.Status == StepStatus.Passed;
        }

        ConfigurationResult Cached(CacheEntry hit) =>
            new ConfigurationResult(c.Id, ConfigurationStatus.Cached, results, [], hit.Image ?? image, engine is null ? "host" : "docker",
                started, clock.Elapsed.TotalSeconds, hit.Artifacts, reproduce + " --force")
            { Recorded = hit.Tests, CachedAt = hit.Finished, CacheKey = key };

        ConfigurationResult Finish()
        {
            var status = results.Any(s => s.Status == StepStatus.Cancelled) ? ConfigurationStatus.Cancelled
                : results.All(s => s.Status == StepStatus.Passed) && tests.All(t => t.Status != TestStatus.Failed) ? ConfigurationStatus.Passed
                : ConfigurationStatus.Failed;
            var result = new ConfigurationResult(c.Id, status, results, tests, image, executor?.Kind ?? (engine is null ? "host" : "docker"),
                started, clock.Elapsed.TotalSeconds, folder, reproduce) { CacheKey = key };
            ResultJson.Write(Path.Combine(folder, "result.json"), result);
            AtomicFile.WriteText(Path.Combine(folder, "reproduce.sh"), ReproduceScript(c, result));
            if (key is not null) cache?.Remember(key, result);
            return result;
        }
    }

    private async Task<(StepResult, PreparedImage?)> PrepareImageAsync(BuildConfiguration c, string folder, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(options.Timeout(StepKind.Image));
        var log = Path.Combine(folder, "image.log");
        try
        {
            var prepared = await images!.PrepareAsync(c, observer.Detail, deadline.Token);
            return (new StepResult(StepKind.Image, StepStatus.Passed, 0, clock.Elapsed.TotalSeconds, prepared.Tag, log), prepared);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return (new StepResult(StepKind.Image, StepStatus.TimedOut, null, clock.Elapsed.TotalSeconds, null, log, "timed out"), null);
        }
        catch (ImageBuildException e)
        {
            File.WriteAllLines(log, [.. e.Log, e.Message]);
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
