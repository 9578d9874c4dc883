using RealmCi.CMake;
using RealmCi.Caching;
using RealmCi.Errors;
using RealmCi.Packs;
using RealmCi.Matrix;
using RealmCi.Results;
using RealmCi.Layout;

namespace RealmCi.Execution;

/// <summary>
/// Build once, test many: the hooks of <see cref="ConfigurationRunner"/> and the Build/Test
/// targets. <c>--pack</c> writes the build tree (without object files) and its manifest into
/// the configuration's folder after a successful build; <c>--from-pack</c> checks the pack
/// against the run before anything starts (<see cref="VerifyAsync"/>, exit 2 on a mismatch),
/// unpacks it at the same paths and runs only the plan's test step.
/// </summary>
public static class PackRun
{
    /// <summary>Before the pipeline: the pack fits exactly one selected configuration, this image recipe and this source, or one line says what differs (exit 2).</summary>
    public static async Task VerifyAsync(string pack, IReadOnlyList<BuildConfiguration> selected, PipelineOptions options, CancellationToken cancellation)
    {
        if (!options.RunTests) throw new RealmCiException("--from-pack runs tests: use it with --target=Test");
        if (options.Pack) throw new RealmCiException("--from-pack and --pack together: a run either makes a pack or tests from one");
        var manifest = PackArchive.ReadManifest(pack);
        if (selected.Count != 1)
            throw new RealmCiException($"--from-pack={pack}: select exactly the pack's configuration (--config={manifest.ConfigurationId}); the selection has {selected.Count}");
        var fingerprint = await SourceFingerprint.ComputeAsync(options.Source, cancellation);
        var wanted = PackKeys.Expected(selected[0], fingerprint, options.SourceSubdir, manifest.Executor, manifest.Layout);
        if (PackCheck.Difference(pack, manifest, wanted) is { } difference) throw new RealmCiException(difference);
    }

    /// <summary>The steps this run performs: only the test step from a pack; else the plan's usual ones.</summary>
    public static IEnumerable<PlannedStep> Steps(StepPlan plan, PipelineOptions options) =>
        options.FromPack is null ? plan.For(options.RunTests) : plan.Steps.Where(s => s.Kind == StepKind.Test);

    /// <summary>Before the steps: a stale pack goes (a failed build must not leave an old one); from a pack, its tree is unpacked at the plan's paths.</summary>
    public static void Begin(PipelineOptions options, StepPlan plan, string folder)
    {
        if (options.Pack) File.Delete(Path.Combine(folder, PackArchive.FileName));
        if (options.FromPack is not { } pack) return;
        var manifest = PackArchive.ReadManifest(pack);
        if (PackCheck.LayoutDifference(pack, manifest, plan.Executor, Layout(plan)) is { } difference) throw new RealmCiException(difference);
        PackArchive.Extract(pack, folder);
    }

    /// <summary>After the steps: with --pack and a passed build, the pack; returns its path, or null when none was made.</summary>
    public static string? Finish(PipelineOptions options, BuildConfiguration c, StepPlan plan, string folder, string? sourceFingerprint, IReadOnlyList<StepResult> results)
    {
        if (!options.Pack || results.FirstOrDefault(r => r.Step == StepKind.Build) is not { Status: StepStatus.Passed }) return null;
        var fingerprint = sourceFingerprint ?? throw new InvalidOperationException("a pack needs the source fingerprint");
        var path = Path.Combine(folder, PackArchive.FileName);
        PackArchive.Write(path, new ConfigurationFolder(folder).BuildTree, PackKeys.Expected(c, fingerprint, options.SourceSubdir, plan.Executor, Layout(plan)));
        return path;
    }

    private static PackLayout Layout(StepPlan plan) => new(plan.Layout.Source, plan.Layout.Work, plan.Layout.Build);
}
