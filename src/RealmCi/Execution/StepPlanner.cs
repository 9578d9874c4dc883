using RealmCi.Results;
using System.Collections.Immutable;
using RealmCi.CMake;
using RealmCi.Matrix;

namespace RealmCi.Execution;

/// <summary>
/// Builds a configuration's <see cref="StepPlan"/>: configure → build → test (only with tests)
/// → install (unless the run installs nothing), each with its command, env, working folder, timeout and labels. Pure: the same
/// inputs give the same plan, and nothing is run or read.
/// </summary>
public static class StepPlanner
{
    public static StepPlan Plan(BuildConfiguration c, PipelineOptions options, ExecutorLayout layout, int parallel)
    {
        var at = layout.Paths;
        var env = layout.IsDocker
            ? c.Settings.Env.SetItem("HOME", "/tmp").SetItem("CCACHE_DIR", layout.CcacheDir)
            : c.Settings.Env.SetItem("CCACHE_DIR", layout.CcacheDir);
        var ccache = layout.IsDocker ? c.Settings.Packages.Contains("ccache") : layout.CcacheInstalled;
        var tests = TestSetupFor(c, options, at);
        var testDir = tests.WrappedDir ?? at.Build;

        PlannedStep Step(StepKind kind, IReadOnlyList<string> command, bool onlyWithTests = false, TestSetup? setup = null) => new(
            kind, [.. command], at.Work, setup is null ? env : TestEnv(env, setup), options.Timeout(kind),
            layout.IsDocker ? layout.Labels.SetItem(Containers.Labels.Step, kind.ToString().ToLowerInvariant()) : layout.Labels,
            onlyWithTests, setup);

        return new StepPlan(c.Id, layout.Kind, layout.Image, at, layout.Mounts, layout.User,
            layout.IsDocker ? "none" : "host",
            layout.IsDocker ? c.Settings.Container.ShmSize : null,
            layout.IsDocker && GpuUsable(c, options) && c.Settings.Container.Gpus is not null,
            [
                Step(StepKind.Configure, CMakeCommands.Configure(c, at, options.SourceSubdir, ccache)),
                Step(StepKind.Build, CMakeCommands.Build(at, parallel, c.Settings.Targets)),
                Step(StepKind.Test, CMakeCommands.Test(c, at, testDir, parallel, tests.ExcludedLabels), onlyWithTests: true, tests),
                .. options.Coverage ? [Step(StepKind.Coverage, CodeCoverage.CoverageBuild.Gcovr(at), onlyWithTests: true)] : Array.Empty<PlannedStep>(),
                .. options.Install ? [Step(StepKind.Install, CMakeCommands.Install(at))] : Array.Empty<PlannedStep>(),
                .. options.Abi is { } abi ? [Step(StepKind.Abi, Abi.AbiBuild.Command(abi, at))] : Array.Empty<PlannedStep>(),
            ]);
    }

    /// <summary>The test step's env: where GoogleTest writes per-case XML, and the quarantined cases it leaves out.</summary>
    private static ImmutableSortedDictionary<string, string> TestEnv(ImmutableSortedDictionary<string, string> env, TestSetup setup) =>
        QuarantineFilter.Apply(setup.GtestOutput is { } gtest ? env.SetItem("GTEST_OUTPUT", $"xml:{gtest}/") : env, setup.Quarantine);

    /// <summary>
    /// Whether this host has a GPU the configuration's GPU tests can use: any GPU, or one of the
    /// vendors its values require (<c>requires: [gpu.nvidia]</c>), so an NVIDIA host never runs HIP's GPU tests.
    /// </summary>
    public static bool GpuUsable(BuildConfiguration c, PipelineOptions options)
    {
        if (!options.GpuPresent) return false;
        var wanted = Facets.Union(c.Base.Requires, c.Settings.Requires).Select(Requirement.GpuVendor).OfType<string>().ToList();
        return wanted.Count == 0 || wanted.Any(options.GpuVendors.Contains);
    }

    /// <summary>GPU tests are left out (and listed, to report them skipped) on a host without a usable GPU; multi-rank tests run behind the launcher.</summary>
    private static TestSetup TestSetupFor(BuildConfiguration c, PipelineOptions options, WorkLayout at)
    {
        var t = c.Settings.Test;
        var excluded = !GpuUsable(c, options) && !t.GpuLabels.IsDefaultOrEmpty ? t.GpuLabels : [];
        var listGpu = excluded.IsEmpty ? [] : CMakeCommands.ListTests(c, at, t.GpuLabels);
        var ranks = t.Ranks ?? 1;
        var launch = ranks > 1 && !t.Launcher.IsDefaultOrEmpty;
        // A cross-compiled build's tests are rewritten too: every command running a program it built goes under the emulator.
        var emulation = Emulation.From(c.Settings.Cmake, at.Build);
        var wrap = launch || emulation is not null;
        return new TestSetup(
            [.. listGpu], excluded,
            wrap ? [.. CMakeCommands.ListTests(c, at)] : [],
            launch ? [.. TestPlan.Launcher(t.Launcher, ranks)] : [],
            t.LaunchLabels.IsDefault ? [] : t.LaunchLabels,
            excluded,
            wrap ? at.WrappedTests : null)
        {
            // Every test the build defines, to account for each (the same listing, without the selection's filters).
            ListAll = [.. CMakeCommands.ListTests(c, at, selected: false)],
            Selection = TestSelection.Of(t, excluded),
            Quarantine = new Quarantine([.. options.Quarantine.For(c.Id)]),
            GtestOutput = at.GtestOutput,
            Emulation = emulation,
        };
    }
}
