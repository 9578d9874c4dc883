using System.Diagnostics;
using RealmCi.CMake;
using RealmCi.Matrix;

namespace RealmCi.Execution;

/// <summary>
/// The test step: ctest with JUnit output over the labels the configuration selects. Tests
/// that need a GPU are left out and reported as skipped with the reason when the host has no
/// GPU; with more than one rank, the tests run behind the launcher (see <see cref="TestPlan"/>).
/// </summary>
internal static class TestStep
{
    public static async Task<(StepResult Step, IReadOnlyList<TestCaseResult> Tests)> RunAsync(
        BuildConfiguration c, IExecutor executor, StepRunner steps, PipelineOptions options, int parallel, string workOnHost, CancellationToken cancellation)
    {
        var started = Stopwatch.StartNew();
        var t = c.Settings.Test;
        var at = executor.Layout;
        var skipped = new List<TestCaseResult>();
        var excluded = new List<string>();
        File.Delete(steps.LogPath(StepKind.Test));
        File.Delete(Path.Combine(workOnHost, "junit.xml"));

        if (!options.GpuPresent && !t.GpuLabels.IsEmpty)
        {
            var (code, json) = await steps.CaptureAsync(StepKind.Test, CMakeCommands.ListTests(c, at, t.GpuLabels), cancellation);
            if (code == 0)
                skipped.AddRange(TestPlan.Parse(json).Select(x => new TestCaseResult(x.Name, TestStatus.Skipped, 0,
                    $"needs a GPU (label {string.Join("/", x.Labels.Intersect(t.GpuLabels))}); this host has none")));
            excluded.AddRange(t.GpuLabels);
        }

        var testDir = at.Build;
        var ranks = t.Ranks ?? 1;
        if (ranks > 1 && !t.Launcher.IsDefaultOrEmpty)
        {
            var (code, json) = await steps.CaptureAsync(StepKind.Test, CMakeCommands.ListTests(c, at), cancellation);
            if (code != 0)
                return (new StepResult(StepKind.Test, StepStatus.Failed, code, started.Elapsed.TotalSeconds, null, steps.LogPath(StepKind.Test), "listing the tests failed"), skipped);
            var tests = TestPlan.Parse(json).Where(x => !x.Labels.Intersect(excluded).Any());
            var wrapped = Path.Combine(workOnHost, "wrapped-tests");
            Directory.CreateDirectory(wrapped);
            File.WriteAllText(Path.Combine(wrapped, "CTestTestfile.cmake"), TestPlan.Wrap(tests, TestPlan.Launcher(t.Launcher, ranks), t.LaunchLabels));
            testDir = at.WrappedTests;
        }

        var command = CMakeCommands.Test(c, at, testDir, parallel, excluded);
        var step = await steps.RunAsync(StepKind.Test, options.Timeout(StepKind.Test), append: true, cancellation, command);
        if (testDir != at.Build)
            step = step with { Command = $"# tests wrapped behind {string.Join(' ', t.Launcher)}: {at.WrappedTests}/CTestTestfile.cmake (kept in the artifacts)\n{step.Command}" };
        var junit = Path.Combine(workOnHost, "junit.xml");
        var results = File.Exists(junit) ? JUnitReport.Parse(File.ReadAllText(junit)).ToList() : [];
        results.AddRange(skipped);
        return (step with { Seconds = started.Elapsed.TotalSeconds }, results);
    }
}
