using System.Diagnostics;
using RealmCi.CMake;
using RealmCi.Results;

namespace RealmCi.Execution;

/// <summary>
/// The test step of a plan: its <see cref="TestSetup"/> first (list the GPU tests left out, to
/// report them as skipped with the reason; list and wrap multi-rank tests behind the launcher),
/// then its ctest command, whose JUnit output gives the per-test results.
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
        File.Delete(Path.Combine(workOnHost, "junit.xml"));

        if (!setup.ListGpuTests.IsEmpty)
        {
            var (code, json) = await steps.CaptureAsync(step, setup.ListGpuTests, cancellation);
            if (code == 0)
                skipped.AddRange(TestPlan.Parse(json).Select(x => new TestCaseResult(x.Name, TestStatus.Skipped, 0,
                    $"needs a GPU (label {string.Join("/", x.Labels.Intersect(setup.GpuLabels))}); this host has none")));
        }

        if (!setup.ListForLauncher.IsEmpty)
        {
            var (code, json) = await steps.CaptureAsync(step, setup.ListForLauncher, cancellation);
            if (code != 0)
                return (new StepResult(StepKind.Test, StepStatus.Failed, code, started.Elapsed.TotalSeconds, null, steps.LogPath(StepKind.Test), "listing the tests failed"), skipped);
            var tests = TestPlan.Parse(json).Where(x => !x.Labels.Intersect(setup.ExcludedLabels).Any());
            var wrapped = Path.Combine(workOnHost, "wrapped-tests");
            Directory.CreateDirectory(wrapped);
            File.WriteAllText(Path.Combine(wrapped, "CTestTestfile.cmake"), TestPlan.Wrap(tests, setup.Launcher, setup.LaunchLabels));
        }

        var result = await steps.RunAsync(step, append: true, cancellation);
        if (setup.WrappedDir is { } dir)
            result = result with { Command = $"# tests wrapped behind {string.Join(' ', setup.Launcher)}: {dir}/CTestTestfile.cmake (kept in the artifacts)\n{result.Command}" };
        var junit = Path.Combine(workOnHost, "junit.xml");
        var results = File.Exists(junit) ? JUnitReport.Parse(File.ReadAllText(junit)).ToList() : [];
        results.AddRange(skipped);
        return (result with { Seconds = started.Elapsed.TotalSeconds }, results);
    }
}
