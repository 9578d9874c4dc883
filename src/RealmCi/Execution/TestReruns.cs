using System.Collections.Immutable;
using System.Text.RegularExpressions;
using RealmCi.CMake;
using RealmCi.Results;

namespace RealmCi.Execution;

/// <summary>
/// Reruns the failed tests of a test step up to N times, in the same container image and build
/// tree: the step's own ctest command with <c>-R ^(failed names)$</c> and its JUnit written to
/// <c>rerun-K.xml</c>, appended to test.log. A test that passes on a rerun is <c>flaky</c>: it
/// counts as passed (with a WARNING) unless flaky tests fail (<c>--flaky=fail</c>); one that fails
/// every attempt stays failed. Bundled GoogleTest cases (<c>exe/Suite.Case</c>) are not rerun yet.
/// </summary>
internal static class TestReruns
{
    public static async Task<(StepResult Step, IReadOnlyList<TestCaseResult> Tests, IReadOnlyList<TestAttempts> Reruns)> ApplyAsync(
        PlannedStep step, StepRunner steps, string folder, StepResult result, IReadOnlyList<TestCaseResult> tests, int reruns, bool flakyFails,
        CancellationToken cancellation)
    {
        var failed = tests.Where(t => t.Status == TestStatus.Failed && !t.Name.Contains('/')).ToList();
        if (reruns <= 0 || failed.Count == 0 || result.Status is StepStatus.Cancelled or StepStatus.TimedOut) return (result, tests, []);
        var history = failed.ToDictionary(t => t.Name, t => new List<TestAttempt> { new(1, false, t.Seconds, FirstLine(t)) });
        var pending = failed.Select(t => t.Name).ToList();
        for (var k = 2; k <= reruns + 1 && pending.Count > 0; k++)
        {
            var junit = $"rerun-{k}.xml";
            File.Delete(Path.Combine(folder, junit));
            var run = await steps.RunAsync(step with { Command = Command(step.Command, pending, junit) }, append: true, cancellation);
            if (run.Status is StepStatus.Cancelled) break;
            var ran = File.Exists(Path.Combine(folder, junit))
                ? JUnitReport.Parse(File.ReadAllText(Path.Combine(folder, junit))).GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First()) : [];
            foreach (var name in pending.ToList())
            {
                var t = ran.GetValueOrDefault(name);
                var passed = t?.Status == TestStatus.Passed;
                history[name].Add(new TestAttempt(k, passed, t?.Seconds ?? 0, passed ? null : t is null ? "no result" : FirstLine(t)));
                if (passed) pending.Remove(name);
            }
        }
        var attempts = history.Select(h => new TestAttempts(h.Key, h.Value)).ToList();
        var flaky = attempts.Where(a => a.Flaky).ToDictionary(a => a.Test);
        var updated = tests.Select(t => flaky.TryGetValue(t.Name, out var a) && !flakyFails
            ? t with { Status = TestStatus.Passed, Message = $"flaky: {a.Describe()}" }
            : t).ToList();
        if (result.Status == StepStatus.Failed && result.ExitCode is not null && updated.All(t => t.Status != TestStatus.Failed))
            result = result with { Status = StepStatus.Passed, Reason = "every failed test passed on a rerun (flaky)" };
        return (result, updated, attempts);
    }

    /// <summary>The step's ctest command for a rerun: only the named tests, JUnit into <paramref name="junit"/> beside the original.</summary>
    internal static ImmutableArray<string> Command(ImmutableArray<string> ctest, IEnumerable<string> names, string junit)
    {
        var args = ctest.ToList();
        var at = args.IndexOf("--output-junit");
        if (at >= 0 && at + 1 < args.Count)
        {
            var original = args[at + 1];
            var slash = original.LastIndexOf('/');
            args[at + 1] = slash < 0 ? junit : original[..(slash + 1)] + junit;
        }
        args.AddRange(["-R", "^(" + string.Join("|", names.Select(n => Regex.Replace(n, @"[\[\]\\^$.|?*+(){}]", @"\$0"))) + ")$"]);
        return [.. args];
    }

    private static string FirstLine(TestCaseResult t) =>
        (string.IsNullOrWhiteSpace(t.Message) ? t.Output?.Split('\n').FirstOrDefault(l => l.Trim().Length > 0) ?? "failed" : t.Message).Trim();
}
