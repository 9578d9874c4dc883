using RealmCi.CMake;
using RealmCi.Results;
using RealmCi.Layout;

namespace RealmCi.Execution;

/// <summary>
/// Reruns the failed tests of a test step up to N times, in the same container image and build
/// tree (<see cref="RerunStep"/>), appended to test.log: the failed ctest tests together, and each
/// failed GoogleTest case of a bundle alone (<c>GTEST_FILTER=Suite.Case</c>, decided by the case's
/// own XML). A test that passes on a rerun is <c>flaky</c>: it counts as passed (with a WARNING)
/// unless flaky tests fail (<c>--flaky=fail</c>); one that fails every attempt stays failed.
/// </summary>
internal static class TestReruns
{
    public static async Task<(StepResult Step, IReadOnlyList<TestCaseResult> Tests, IReadOnlyList<TestAttempts> Reruns)> ApplyAsync(
        PlannedStep step, StepRunner steps, string folder, StepResult result, IReadOnlyList<TestCaseResult> tests, int reruns, bool flakyFails,
        CancellationToken cancellation)
    {
        var failed = tests.Where(t => t.Status == TestStatus.Failed).ToList();
        if (reruns <= 0 || failed.Count == 0 || result.Status is StepStatus.Cancelled or StepStatus.TimedOut) return (result, tests, []);
        var history = failed.ToDictionary(t => t.Name, t => new List<TestAttempt> { new(1, false, t.Seconds, FailureLine.Of(t)) });
        var cases = failed.Where(t => t.InBundle is not null).Select((t, i) => (t.Name, Bundled: t.InBundle!, Index: i)).ToList();
        var pending = failed.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var gtestOnHost = Path.Combine(new ConfigurationFolder(folder).BuildTree, "realm-ci-gtest");
        for (var k = 2; k <= reruns + 1 && pending.Count > 0; k++)
        {
            var plain = failed.Where(t => t.InBundle is null && pending.Contains(t.Name)).Select(t => t.Name).ToList();
            if (plain.Count > 0)
            {
                var junit = Path.Combine(folder, $"rerun-{k}.xml");
                File.Delete(junit);
                if ((await steps.RunAsync(RerunStep.ForTests(step, plain, k), append: true, cancellation)).Status is StepStatus.Cancelled) break;
                var ran = JUnit(junit).GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First());
                foreach (var name in plain) Record(name, k, ran.GetValueOrDefault(name));
            }
            foreach (var (name, bundled, index) in cases.Where(c => pending.Contains(c.Name)))
            {
                var junit = Path.Combine(folder, RerunStep.CaseJUnit(k, index));
                var xml = Path.Combine(gtestOnHost, RerunStep.CaseFolder(k, index));
                File.Delete(junit);
                if (Directory.Exists(xml)) Directory.Delete(xml, recursive: true);
                if ((await steps.RunAsync(RerunStep.ForCase(step, bundled, k, index), append: true, cancellation)).Status is StepStatus.Cancelled) break;
                var own = Directory.Exists(xml) ? Directory.EnumerateFiles(xml, "*.xml").SelectMany(Cases).FirstOrDefault(c => c.Name == bundled.Case) : null;
                // The case's own XML decides; without it, a failed run of the bundle is the case's failure (it died before writing).
                var bundle = JUnit(junit).FirstOrDefault();
                Record(name, k, own ?? (bundle is { Status: TestStatus.Failed } || step.Tests?.GtestOutput is null ? bundle : null));
            }
        }
        var attempts = history.Select(h => new TestAttempts(h.Key, h.Value) { InBundle = failed.First(t => t.Name == h.Key).InBundle }).ToList();
        var flaky = attempts.Where(a => a.Flaky).ToDictionary(a => a.Test);
        var updated = tests.Select(t => flaky.TryGetValue(t.Name, out var a) && !flakyFails
            ? t with { Status = TestStatus.Passed, Message = $"flaky: {a.Describe()}" }
            : t).ToList();
        if (result.Status == StepStatus.Failed && result.ExitCode is not null && updated.All(t => t.Status != TestStatus.Failed))
            result = result with { Status = StepStatus.Passed, Reason = "every failed test passed on a rerun (flaky)" };
        return (result, updated, attempts);

        void Record(string name, int attempt, TestCaseResult? t)
        {
            var passed = t?.Status == TestStatus.Passed;
            history[name].Add(new TestAttempt(attempt, passed, t?.Seconds ?? 0, passed ? null : t is null ? "no result" : FailureLine.Of(t)));
            if (passed) pending.Remove(name);
        }
    }

    private static IEnumerable<TestCaseResult> JUnit(string path) => File.Exists(path) ? JUnitReport.Parse(File.ReadAllText(path)) : [];

    private static IReadOnlyList<TestCaseResult> Cases(string xml)
    {
        try { return GoogleTestXml.Parse(File.ReadAllText(xml)); }
        catch (System.Xml.XmlException) { return []; } // cut short by a crash while writing
    }

}
