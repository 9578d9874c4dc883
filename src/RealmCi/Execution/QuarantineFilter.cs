using RealmCi.Results;
using System.Collections.Immutable;
using RealmCi.CMake;
using RealmCi.Matrix;

namespace RealmCi.Execution;

/// <summary>
/// Quarantined cases of bundled GoogleTest executables (entries <c>TEST/Suite.Case</c>) are left
/// out of the run with <c>GTEST_FILTER</c>: under a sanitizer (<c>halt_on_error</c>) the
/// executable dies in a failing case and takes every later case with it, so running the
/// quarantined case would hide hundreds of others. Each is reported as quarantined, not run,
/// with its entry's reason. Pure.
/// </summary>
public static class QuarantineFilter
{
    /// <summary>The ctest test and GoogleTest case patterns of a <c>TEST/Suite.Case</c> entry; null for a plain test entry.</summary>
    public static (string Test, string Case)? Split(QuarantineEntry entry)
    {
        var slash = entry.Test.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < entry.Test.Length - 1 ? (entry.Test[..slash], entry.Test[(slash + 1)..]) : null;
    }

    /// <summary>The test step's env with the quarantined cases added to GTEST_FILTER's negative patterns (after any the env has).</summary>
    public static ImmutableSortedDictionary<string, string> Apply(ImmutableSortedDictionary<string, string> env, Quarantine quarantine)
    {
        var cases = quarantine.Entries.Select(Split).OfType<(string Test, string Case)>().Select(s => s.Case).Distinct(StringComparer.Ordinal).ToList();
        if (cases.Count == 0) return env;
        var excluded = string.Join(':', cases);
        return env.SetItem("GTEST_FILTER", env.GetValueOrDefault("GTEST_FILTER") switch
        {
            null or "" => "-" + excluded,
            var given when given.Contains('-', StringComparison.Ordinal) => given + ":" + excluded,
            var given => given + "-" + excluded,
        });
    }

    /// <summary>
    /// The quarantined cases the filter kept out of <paramref name="test"/>'s run: one entry per
    /// quarantine entry of that test that no case of the run matched.
    /// </summary>
    public static IEnumerable<TestCaseResult> LeftOut(string test, IReadOnlyList<TestCaseResult> cases, Quarantine quarantine, string configurationId) =>
        quarantine.For(configurationId)
            .Select(e => (Entry: e, Split: Split(e)))
            .Where(x => x.Split is { } s && Glob.Matches(s.Test, test) && !cases.Any(c => Glob.Matches(s.Case, c.Name)))
            .Select(x => new TestCaseResult($"{test}/{x.Split!.Value.Case}", TestStatus.Quarantined, 0,
                "quarantined, not run: GTEST_FILTER leaves it out (its executable would die in it and take the later cases with it)")
            {
                LeftOut = TestLeftOut.Quarantined,
                Quarantine = new(x.Entry.Reason, x.Entry.Link?.ToString()),
            });
}
