using RealmCi.Results;

namespace RealmCi.Flakiness;

/// <summary>What one run says about one test, as the history keeps it (one letter a run).</summary>
public enum TestOutcome { Passed, Failed, Flaky }

public static class TestOutcomes
{
    public static char Letter(TestOutcome o) => o switch { TestOutcome.Passed => 'P', TestOutcome.Failed => 'F', _ => 'X' };

    /// <summary>
    /// The outcome of every test that ran in <paramref name="r"/>: passed; failed (every attempt,
    /// or quarantined: it still failed); flaky (failed, then passed a rerun — also under
    /// <c>--flaky=fail</c>). Tests left out, skipped or not run have none; neither has a cached
    /// result (nothing ran). GoogleTest cases of a bundle are tests of their own.
    /// </summary>
    public static IReadOnlyDictionary<string, TestOutcome> Of(ConfigurationResult r)
    {
        var outcomes = new Dictionary<string, TestOutcome>(StringComparer.Ordinal);
        if (r.Status is not (ConfigurationStatus.Passed or ConfigurationStatus.Failed)) return outcomes;
        var flaky = r.Reruns.Where(a => a.Flaky).Select(a => a.Test).ToHashSet(StringComparer.Ordinal);
        foreach (var t in r.Tests)
        {
            if (flaky.Contains(t.Name)) outcomes[t.Name] = TestOutcome.Flaky;
            else if (t.Status == TestStatus.Passed) outcomes[t.Name] = TestOutcome.Passed;
            else if (t.Status == TestStatus.Failed || t.Status == TestStatus.Quarantined && t.LeftOut is null) outcomes[t.Name] = TestOutcome.Failed;
        }
        return outcomes;
    }
}
