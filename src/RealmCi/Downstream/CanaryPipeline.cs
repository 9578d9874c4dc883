using System.Collections.Immutable;
using RealmCi.Containers;
using RealmCi.Errors;
using RealmCi.Execution;
using RealmCi.Matrix;
using RealmCi.Release;
using RealmCi.Results;
using RealmCi.Layout;

namespace RealmCi.Downstream;

/// <summary>
/// The Canary target: for each downstream of the matrix file: find its source, compose
/// a copy with the Realm under test (<see cref="CompositionPlanner"/>, <see cref="Composer"/>),
/// and run the same pipeline on the copy in each configuration's image with the downstream's
/// definitions and tests (results in <c>ARTIFACTS/NAME/ID/</c>, summary in <c>ARTIFACTS/NAME/</c>),
/// and, when the downstream names <c>realms-own-tests</c>, those tests as a selection of their own
/// (<c>ARTIFACTS/NAME/realms-own-tests/ID/</c>), and the Realm under test through the usual pipeline (its own tests, results in <c>ARTIFACTS/ID/</c>:
/// before the downstreams when one needs Realm's install, else after them), then
/// <c>ARTIFACTS/NAME/canary.md</c> (<see cref="CanaryReport"/>). The result cache keys
/// the downstream on the composed copy (both sources, the ref, the patches) and its configuration.
/// </summary>
public static class CanaryPipeline
{
    public static async Task<int> RunAsync(Selection selection, PipelineOptions options, MatrixDefinition matrix, CanaryOptions canary,
        Func<IContainerEngine> connect, IRunObserver observer, CancellationToken cancellation)
    {
        if (matrix.Downstreams.IsEmpty)
            throw new RealmCiException($"{matrix.File}: no downstreams: section; the Canary target needs one (see matrix/README.md, 'Downstream projects')", ExitCodes.InvalidInput);
        foreach (var name in canary.DownstreamSources.Keys.Where(n => !matrix.Downstreams.ContainsKey(n)))
            throw new RealmCiException($"--downstream-source={name}=…: '{name}' is not a downstream of {matrix.File} ({Suggest.Hint(name, matrix.Downstreams.Keys.Order())})", ExitCodes.InvalidInput);

        options = ForCanary(options, canary);
        var realm = new RecordingObserver(observer);
        // An install composition needs Realm's build first (and its install tree, which a cached result does not bring
        // back: it then really runs). An overlay does not: the downstream, the canary's answer, comes first.
        var needsInstall = matrix.Downstreams.Values.Any(d => d.Compose.IsInstall);
        List<int> exits = [];
        if (needsInstall) exits.Add(await Pipeline.RunAsync(selection, options with { Force = true }, connect, realm, cancellation));

        var reports = new List<Action<IReadOnlyList<ConfigurationResult>>>();
        foreach (var d in matrix.Downstreams.Values.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (cancellation.IsCancellationRequested) break;
            var run = await RunDownstreamAsync(d, selection, options, canary, realm.Results, connect, observer, cancellation);
            exits.Add(run.Exit);
            reports.Add(run.Report);
        }
        if (!needsInstall && !cancellation.IsCancellationRequested) exits.Add(await Pipeline.RunAsync(selection, options, connect, realm, cancellation));
        foreach (var report in reports) report(realm.Results);
        return Worst(exits);
    }

    /// <summary>
    /// One downstream against the Realm under test (<paramref name="options"/>' source): locate, compose,
    /// build and test it (and, unless <paramref name="realmsOwnTests"/> is false, its copies of Realm's own
    /// tests); <paramref name="realm"/> holds the Realm run's results when it ran first (an install
    /// composition needs its install trees). The report is written when <see cref="DownstreamRun.Report"/>
    /// is called with Realm's own results (for an overlay, they come after the downstream). Bisect --downstream runs this for each candidate.
    /// </summary>
    public static async Task<DownstreamRun> RunDownstreamAsync(DownstreamProject d, Selection selection, PipelineOptions options, CanaryOptions canary,
        IReadOnlyList<ConfigurationResult> realm, Func<IContainerEngine> connect, IRunObserver observer, CancellationToken cancellation,
        bool realmsOwnTests = true)
    {
        options = ForCanary(options, canary); // each run's reproduce.sh reruns the canary
        var docker = await Pipeline.ChooseEngineAsync(options.Executor, connect, _ => { }, cancellation) is not null;
        var layout = new ArtifactsFolder(options.Artifacts).Downstream(d.Name);
        var folder = layout.Root;
        var copy = layout.Composed;
        var unavailable = ImmutableDictionary<string, string>.Empty;
        var source = await DownstreamLocator.LocateAsync(d, canary.DownstreamSources.GetValueOrDefault(d.Name), options.Cache, observer.Log, cancellation);
        var plan = source.Root is null ? null : CompositionPlanner.Plan(d, Inputs(d, source, options, canary, realm, copy));
        var why = source.Unavailable ?? (plan!.CanCompose ? null : $"composition: {string.Join("; ", plan.Problems)}");
        if (why is null)
        {
            try { await Composer.ApplyAsync(plan!, observer.Log, cancellation); }
            catch (RealmCiException e) { why = $"composition: {e.Message}"; }
        }
        if (why is not null)
        {
            observer.Log($"{d.Name}: {why}");
            Directory.CreateDirectory(copy);
            unavailable = selection.Configurations.ToImmutableDictionary(c => c.Id, _ => why);
        }
        else if (d.Compose.IsInstall)
            unavailable = selection.Configurations.Where(c => !plan!.Steps.Any(s => s.To == $"{CompositionPlan.InstallFolder}/{c.Id}"))
                .ToImmutableDictionary(c => c.Id, c => $"{d.Name}: the Realm under test did not install in {c.Id} (see {new ArtifactsFolder(options.Artifacts).Configuration(c.Id).Root})");

        var empty = new CompositionPlan(d.Name, d.Compose.Kind, copy, [], d.Cmake, [], []);
        var asBuildSees = docker ? "/src" : copy;
        var downstreamOptions = options with
        {
            Source = copy,
            SourceSubdir = null,
            Artifacts = folder,
            ReproduceSource = options.Source,
            Unavailable = options.Unavailable.SetItems(unavailable),
            ReportUnmatchedQuarantine = false, // Realm's entries name Realm's tests
        };
        // Each build keeps its own warnings: Legion's are not Realm's (nor is a committed --warnings-baseline of Realm's theirs).
        async Task<(int Exit, IReadOnlyList<ConfigurationResult> Results)> Run(Func<BuildConfiguration, BuildConfiguration> derive, string artifacts, string scope, bool install = true)
        {
            var derived = selection.Configurations.Select(derive)
                .Select(c => options.Coverage ? CodeCoverage.CoverageBuild.Instrument(c) : c).ToList(); // the same instrumentation on both sides
            var recorder = new RecordingObserver(observer);
            var exit = await Pipeline.RunAsync(selection with { Configurations = derived }, downstreamOptions with { Artifacts = artifacts, Install = install, Warnings = options.Warnings with { Baseline = null, Scope = scope } },
                connect, recorder, cancellation);
            return (exit, recorder.Results);
        }

        var downstream = await Run(c => DownstreamConfiguration.For(c, d, plan ?? empty, asBuildSees), folder, d.Name);
        // The downstream's copies of Realm's own tests: a selection of their own, so neither their results nor their coverage count as the downstream's.
        var own = d.Tests.RealmsOwn is null || !realmsOwnTests || cancellation.IsCancellationRequested ? (Exit: ExitCodes.Success, Results: [])
            : await Run(c => DownstreamConfiguration.ForRealmsOwnTests(c, d, plan ?? empty, asBuildSees), layout.RealmsOwnTests, $"{d.Name}-realms-own-tests", install: false); // tests only: nothing of theirs to install
        return new DownstreamRun(Worst([downstream.Exit, own.Exit]), downstream.Results, realmResults =>
        {
            CanaryReport.Write(folder, d, plan, realmResults, downstream.Results, own.Results, options.Source);
            if (options.Coverage && plan is not null)
                foreach (var r in downstream.Results)
                    CodeCoverage.CoverageLost.Write(new ArtifactsFolder(options.Artifacts).Configuration(r.Id).Root, r.Artifacts, plan, options.Source, d.Name,
                        own.Results.FirstOrDefault(o => o.Id == r.Id)?.Artifacts);
        });
    }

    private static PipelineOptions ForCanary(PipelineOptions options, CanaryOptions canary) =>
        options with { RunTests = true, ReproduceTarget = "Canary", ReproduceExtra = canary.ReproduceArguments };

    private static ComposeInputs Inputs(DownstreamProject d, DownstreamSource source, PipelineOptions options, CanaryOptions canary,
        IReadOnlyList<ConfigurationResult> realm, string copy)
    {
        var installs = d.Compose.IsInstall
            ? realm.Where(r => r.Succeeded && Directory.Exists(new ConfigurationFolder(r.Artifacts).InstallTree))
                .ToImmutableSortedDictionary(r => r.Id, r => new ConfigurationFolder(r.Artifacts).InstallTree, StringComparer.Ordinal)
            : ImmutableSortedDictionary<string, string>.Empty;
        return new ComposeInputs(options.Source, source.Root!, source.IsGit, PatchFiles.Resolve(d, options.Source, canary.MatrixFolder), copy,
            path => Path.Exists(Path.Combine(options.Source, path))) { RealmInstalls = installs };
    }

    /// <summary>The worst of the runs: interrupted, failed, empty, unavailable, success.</summary>
    internal static int Worst(IEnumerable<int> exits)
    {
        int[] order = [ExitCodes.Interrupted, ExitCodes.Failed, ExitCodes.EmptySelection, ExitCodes.ConfigurationUnavailable, ExitCodes.Success];
        var all = exits.ToList();
        return all.Count == 0 ? ExitCodes.Interrupted : order.FirstOrDefault(all.Contains, all.Max()); // nothing ran: interrupted first
    }
}
