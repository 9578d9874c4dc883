using System.Diagnostics;
using RealmCi.Caching;
using RealmCi.Containers;
using RealmCi.Errors;
using RealmCi.Images;
using RealmCi.Matrix;
using RealmCi.Reporting;
using RealmCi.Results;
using RealmCi.Layout;

namespace RealmCi.Execution;

/// <summary>
/// The Build and Test targets over a selection: choose the executor, remove containers of
/// dead runs, then run the configurations — several at once within the machine's cores and
/// memory, images prepared ahead so they overlap with builds, unchanged ones taken from the
/// result cache — reporting each as it finishes, and always writing the summary, in which every
/// selected configuration appears. Exit code: see <see cref="ExitCode"/>; 5 for an empty selection.
/// </summary>
public static class Pipeline
{
    public static async Task<int> RunAsync(Selection selection, PipelineOptions options, Func<IContainerEngine> connect,
        IRunObserver observer, CancellationToken cancellation)
    {
        var configurations = selection.Configurations;
        if (configurations.Count == 0)
        {
            observer.Log($"the selection is empty ({selection.Source}): nothing to run");
            return ExitCodes.EmptySelection;
        }
        if (!options.Conditions.IsEmpty)
        {
            // Facts read from this source decide the conditional overrides (each source its own: an ABI baseline, a bisection candidate).
            var facts = options.Conditions.Read(options.SourceSubdir is { } sub ? Path.Combine(options.Source, sub) : options.Source);
            foreach (var fact in facts.Values.OrderBy(f => f.Fact.Name, StringComparer.Ordinal)) observer.Log(fact.Describe());
            selection = options.Conditions.Apply(selection, facts, Facets.Empty with { Cmake = options.CommandLineDefines, Env = options.CommandLineEnv });
            configurations = selection.Configurations;
        }
        var engine = await ChooseEngineAsync(options.Executor, connect, observer.Log, cancellation);
        if (engine is not null) await OrphanSweeper.SweepAsync(engine, observer.Log, cancellation);

        var clock = Stopwatch.StartNew();
        var fingerprint = await SourceFingerprint.ComputeAsync(options.Source, cancellation);
        observer.Log($"source {options.Source} ({fingerprint[..Math.Min(fingerprint.Length, 22)]}…, hashed in {clock.ElapsedMilliseconds} ms)");

        var capacity = Capacity.For(options.Host.Cores, options.Host.MemoryGiB, options.Jobs, options.Parallel, configurations.Count);
        observer.Log($"{configurations.Count} configuration(s): {selection.Source}; {capacity.Jobs} at a time, {capacity.CoresPerJob} core(s) each");
        if (DiskSpace.Warning(options.Artifacts) is { } low) observer.Log(low);

        // What the host cannot offer was decided before the run (selection.Availability): those
        // configurations are reported unavailable at once, with what they miss.
        options = options with
        {
            Unavailable = options.Unavailable.SetItems(selection.Availability.Where(a => !a.Value.IsAvailable)
                .Select(a => KeyValuePair.Create(a.Key, a.Value.Describe()))),
        };
        var images = engine is null ? null : new ImagePreparer(engine, options.Pull, options.ImageTimeout, new Debootstrap(engine, options.Host.HasTool("debootstrap")),
            options.SourceCache());
        var runner = new ConfigurationRunner(options, engine, images, observer, new ResultCache(options.Cache), fingerprint);
        var summary = new SummaryFiles(options.Artifacts, selection.Source, configurations.Select(c => c.Id).ToList(), options.Host.Variable("GITHUB_STEP_SUMMARY"));
        observer.Queued(configurations);
        var executor = engine is null ? ExecutorKind.Host : ExecutorKind.Docker;

        using var stopPrefetch = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var prefetch = images is null ? Task.CompletedTask
            : Task.Run(() => PrefetchAsync(images, [.. configurations.Where(c => !options.Unavailable.ContainsKey(c.Id))], stopPrefetch.Token), CancellationToken.None);
        IReadOnlyList<ConfigurationResult> results = [];
        var done = new List<ConfigurationResult>();
        try
        {
            results = await observer.Around(() => new Scheduler(capacity, options.FailFast).RunAsync(configurations,
                (c, cores, token) => runner.RunAsync(c, cores, token),
                r => { observer.Finished(r); summary.Add(r); lock (done) done.Add(r); },
                cancellation,
                (c, reason) => ConfigurationResult.NotStarted(c.Id, reason, new ArtifactsFolder(options.Artifacts).Configuration(c.Id).Root,
                    ReproduceCommand.Line(options, c.Id, executor), executor) with { RunId = options.RunId }));
        }
        finally
        {
            await stopPrefetch.CancelAsync();
            try { await prefetch; } catch (OperationCanceledException) { }
            var interrupted = cancellation.IsCancellationRequested;
            lock (done) results = results.Count > 0 ? results : Complete(configurations, done, options, executor);
            foreach (var missing in results.Where(r => !done.Contains(r))) summary.Add(missing);
            summary.Complete(interrupted);
            observer.Summary(results, configurations.Count);
        }
        return ExitCode(results, cancellation.IsCancellationRequested);
    }

    /// <summary>0 all passed or cached; 130 interrupted; 1 any failed; 4 nothing failed but something cannot run here.</summary>
    public static int ExitCode(IReadOnlyList<ConfigurationResult> results, bool interrupted)
    {
        if (interrupted || results.Any(r => r.Status == ConfigurationStatus.Cancelled)) return ExitCodes.Interrupted;
        if (results.Count == 0) return ExitCodes.EmptySelection;
        if (results.Any(r => r.Status is ConfigurationStatus.Failed or ConfigurationStatus.NotRun)) return ExitCodes.Failed;
        if (results.Any(r => r.Status == ConfigurationStatus.Unavailable)) return ExitCodes.ConfigurationUnavailable;
        return ExitCodes.Success;
    }

    /// <summary>When the scheduler itself was torn down: what finished, and every other selected configuration as not run.</summary>
    private static List<ConfigurationResult> Complete(IReadOnlyList<BuildConfiguration> configurations, List<ConfigurationResult> done, PipelineOptions options, ExecutorKind executor) =>
        [.. configurations.Select(c => done.FirstOrDefault(r => r.Id == c.Id) ?? ConfigurationResult.NotStarted(c.Id, "not started: interrupted",
            new ArtifactsFolder(options.Artifacts).Configuration(c.Id).Root, ReproduceCommand.Line(options, c.Id, executor), executor))];

    /// <summary>Prepares every image ahead, one at a time, so image builds overlap with configurations that are already building.</summary>
    private static async Task PrefetchAsync(ImagePreparer images, IReadOnlyList<BuildConfiguration> configurations, CancellationToken cancellation)
    {
        foreach (var c in configurations)
        {
            if (cancellation.IsCancellationRequested) return;
            try { await images.PrepareAsync(c, _ => { }, null, cancellation); }
            catch (Exception e) when (e is not OperationCanceledException) { } // the configuration reports its own image failure
        }
    }

    /// <summary>Prepares the images of a selection without building anything.</summary>
    public static async Task<int> PrepareImagesAsync(Selection selection, bool pull, Func<IContainerEngine> connect, RunReporter reporter, CancellationToken cancellation,
        Sources.SourceCache? sources = null)
    {
        var engine = connect();
        await engine.PingAsync(cancellation);
        var images = new ImagePreparer(engine, pull, sources: sources);
        var failed = 0;
        foreach (var c in selection.Configurations)
        {
            try
            {
                var image = await images.PrepareAsync(c, reporter.Detail, cancellation);
                reporter.Line($"{c.Id}: {image.Tag} ({(image.Built ? $"built in {image.Duration.TotalSeconds:F1} s" : "up to date")})");
            }
            catch (ImageBuildException e)
            {
                failed++;
                reporter.Line($"{c.Id}: {e.Message}");
            }
        }
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>Docker when asked or (auto) when the engine answers; the host otherwise, said out loud.</summary>
    public static async Task<IContainerEngine?> ChooseEngineAsync(ExecutorKind kind, Func<IContainerEngine> connect, Action<string> log, CancellationToken cancellation)
    {
        if (kind == ExecutorKind.Host) return null;
        var engine = connect();
        try
        {
            var info = await engine.PingAsync(cancellation);
            log($"Docker engine {info.Version} (API {info.ApiVersion}) at {info.Endpoint}");
            return engine;
        }
        catch (EngineUnavailableException e) when (kind == ExecutorKind.Auto)
        {
            log($"no Docker engine answers at {e.Endpoint}: falling back to the host executor (this machine's toolchain). Pass --executor=docker to require Docker.");
            return null;
        }
    }
}
