using RealmCi.Layout;
using System.Diagnostics;
using RealmCi.CMake;
using RealmCi.Results;

namespace RealmCi.Execution;

/// <summary>
/// The test step of a plan: its <see cref="TestSetup"/> first (list every test the build
/// defines; list the GPU tests left out, to report them as skipped with the reason; list and
/// wrap multi-rank tests behind the launcher), then its ctest command, whose JUnit output and
/// GoogleTest's per-case XML give the per-test results, accounted for by <see cref="TestAccounting"/>.
/// </summary>
internal static class TestStep
{
    public static async Task<(StepResult Step, IReadOnlyList<TestCaseResult> Tests)> RunAsync(
        PlannedStep step, StepRunner steps, string workOnHost, CancellationToken cancellation)
    {
        var started = Stopwatch.StartNew();
        var setup = step.Tests ?? new TestSetup([], [], [], [], [], [], null);
        var skipped = new List<TestCaseResult>();
        File.Delete(steps.LogPath(StepKind.Test));
        File.Delete(new ConfigurationFolder(workOnHost).JUnit);
        var gtestOnHost = setup.GtestOutput is null ? null : Path.Combine(new ConfigurationFolder(workOnHost).BuildTree, "realm-ci-gtest");
        if (gtestOnHost is not null)
        {
            // Fresh for every run: GoogleTest appends _1, _2… rather than overwrite an earlier file. GoogleTest
            // creates the folder itself, as the step's user (who may not be this process's).
            if (Directory.Exists(gtestOnHost)) Directory.Delete(gtestOnHost, recursive: true);
        }

        // gcc's coverage counters (.gcda) add up across runs: a rerun into the same folder would count the earlier
        // run's executions too. The counters start from zero for every test step (none exist without --coverage).
        var buildTree = new ConfigurationFolder(workOnHost).BuildTree;
        if (Directory.Exists(buildTree))
            foreach (var counters in Directory.EnumerateFiles(buildTree, "*.gcda", SearchOption.AllDirectories)) File.Delete(counters);

        IReadOnlyList<ListedTest>? defined = null;
        if (!setup.ListAll.IsEmpty)
        {
            var (code, json) = await steps.CaptureAsync(step, setup.ListAll, cancellation);
            try { if (code == 0) defined = TestPlan.Parse(json); }
            catch (System.Text.Json.JsonException) { } // not a listing: the tests ctest ran are still reported
        }

        if (!setup.ListGpuTests.IsEmpty)
        {
            var (code, json) = await steps.CaptureAsync(step, setup.ListGpuTests, cancellation);
            if (code == 0)
                skipped.AddRange(TestPlan.Parse(json).Select(x => new TestCaseResult(x.Name, TestStatus.Skipped, 0,
                    $"needs a GPU (label {string.Join("/", x.Labels.Intersect(setup.GpuLabels))}); this host has none") { LeftOut = TestLeftOut.NeedsGpu }));
        }

        if (!setup.ListForLauncher.IsEmpty)
        {
            var (code, json) = await steps.CaptureAsync(step, setup.ListForLauncher, cancellation);
            if (code != 0)
                return (new StepResult(StepKind.Test, StepStatus.Failed, code, started.Elapsed.TotalSeconds, null, steps.LogPath(StepKind.Test), "listing the tests failed"), skipped);
            var tests = TestPlan.Parse(json).Where(x => !x.Labels.Intersect(setup.ExcludedLabels).Any());
            var wrapped = Path.Combine(workOnHost, "wrapped-tests");
            Directory.CreateDirectory(wrapped);
            File.WriteAllText(Path.Combine(wrapped, "CTestTestfile.cmake"), TestPlan.Wrap(tests, setup.Launcher, setup.LaunchLabels, setup.Emulation));
        }

        var result = await steps.RunAsync(step, append: true, cancellation);
        if (setup.WrappedDir is { } dir)
            result = result with { Command = $"# tests wrapped behind {string.Join(' ', setup.Launcher.Concat(setup.Emulation?.Emulator ?? []))}: {dir}/CTestTestfile.cmake (kept in the artifacts)\n{result.Command}" };
        var junit = new ConfigurationFolder(workOnHost).JUnit;
        var ran = File.Exists(junit) ? JUnitReport.Parse(File.ReadAllText(junit)).ToList() : [];
        ran.AddRange(skipped);
        var results = TestAccounting.Account(defined, ran, setup.Selection,
            exe => gtestOnHost is null ? [] : GoogleTestXml.Read(gtestOnHost, exe), setup.Quarantine, steps.ConfigurationId);
        // ctest exits non-zero when a test fails; when every failure is quarantined, the step itself passed.
        if (result.Status == StepStatus.Failed && result.ExitCode is not null && ran.Any(t => t.Status == TestStatus.Failed)
            && results.Any(t => t.Status == TestStatus.Quarantined) && results.All(t => t.Status != TestStatus.Failed))
            result = result with { Status = StepStatus.Passed, Reason = "every failing test is quarantined" };
        return (result with { Seconds = started.Elapsed.TotalSeconds }, results);
    }
}
