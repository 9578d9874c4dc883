using System.Text.RegularExpressions;
using RealmCi.CMake;
using RealmCi.Errors;
using RealmCi.Results;

namespace RealmCi.Bisect;

/// <summary>
/// The test that decides good or bad: an exact test name (a ctest test or a bundled GoogleTest
/// case, <c>realm_unit_tests/Suite.Case</c>), else a regular expression matched against whole names.
/// </summary>
public sealed class TestSelector
{
    private readonly Regex pattern;

    public TestSelector(string text)
    {
        Text = text;
        try { pattern = new Regex("^(?:" + text + ")$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)); }
        catch (ArgumentException) { pattern = new Regex("^" + Regex.Escape(text) + "$", RegexOptions.CultureInvariant); }
    }

    public string Text { get; }

    public bool Matches(string name) => name == Text || pattern.IsMatch(name);

    /// <summary>
    /// Good when the selected tests ran and none failed; bad when one failed (a quarantined failure
    /// counts: it still failed; so does a flaky one, which failed an attempt before passing a rerun); skip when the commit does not configure or build, or the test did
    /// not run (nor when the configuration was not run at all: e.g. a downstream whose Realm did not install). A cached result passed with these exact inputs: good.
    /// </summary>
    public (Verdict Verdict, string Why, string? Line) Judge(ConfigurationResult r)
    {
        if (r.Status == ConfigurationStatus.Cached) return (Verdict.Good, "passed earlier with the same inputs (result cache)", $"{Text}: passed (cached: every test passed)");
        if (r.Status == ConfigurationStatus.Cancelled) throw new OperationCanceledException();
        if (r.Status is ConfigurationStatus.Unavailable or ConfigurationStatus.NotRun) return (Verdict.Skip, $"not run ({r.Reason ?? r.StatusText})", null);
        if (r.Steps.FirstOrDefault(s => s.Step is StepKind.Image or StepKind.Configure or StepKind.Build && s.Status is not StepStatus.Passed) is { } step)
            return (Verdict.Skip, $"does not {(step.Step == StepKind.Build ? "build" : step.Step == StepKind.Configure ? "configure" : "prepare its image")} ({step.Status.ToString().ToLowerInvariant()}{(step.Reason is null ? "" : ": " + step.Reason)})", null);
        var tests = r.Tests.Where(t => Matches(t.Name)).ToList();
        // With --rerun-failures, a test that failed any attempt failed at this commit: the failure is there, if only now and then.
        if (r.Reruns.FirstOrDefault(a => Matches(a.Test)) is { } rerun)
            return (Verdict.Bad, $"{rerun.Test} {rerun.Outcome} ({rerun.Describe()})", $"{rerun.Test}: {rerun.Outcome} — {rerun.Describe()}");
        if (tests.FirstOrDefault(t => t.Status == TestStatus.Failed || (t.Status == TestStatus.Quarantined && t.LeftOut is null)) is { } failed)
            return (Verdict.Bad, $"{failed.Name} failed", $"{failed.Name}: failed — {FailureLine.Of(failed)}");
        if (tests.FirstOrDefault(t => t.Status == TestStatus.Passed) is { } passed)
            return (Verdict.Good, $"{passed.Name} passed", $"{passed.Name}: passed in {passed.Seconds:F2} s");
        return (Verdict.Skip, tests.Count == 0 ? $"no test matching '{Text}' ran" : $"{tests[0].Name} did not run ({tests[0].Status.ToString().ToLowerInvariant()}: {tests[0].Message})", null);
    }

    /// <summary>The deciding test of a bad run with no --test: its first failing test.</summary>
    public static TestSelector FirstFailure(ConfigurationResult bad) =>
        bad.Tests.FirstOrDefault(t => t.Status == TestStatus.Failed) is { } t ? new TestSelector(t.Name)
        : throw new RealmCiException($"the bad commit's run has no failing test ({bad.Note ?? bad.StatusText}): nothing to bisect; name one with --test=NAME", ExitCodes.Failed);
}
