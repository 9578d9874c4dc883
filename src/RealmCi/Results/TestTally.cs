using System.Collections.Immutable;
using RealmCi.CMake;

namespace RealmCi.Results;

/// <summary>
/// What a configuration's test list adds up to: how many the build defined, ran, were
/// quarantined, and were left out by reason; the quarantined tests that passed (entries to
/// remove?); and a warning when the tests were mostly filtered away, when tests lack a result, or
/// when several tests share a name (each still counted once).
/// </summary>
public sealed record TestTally(
    int Defined,
    int Ran,
    int Quarantined,
    ImmutableSortedDictionary<string, int> NotRun,
    ImmutableArray<TestCaseResult> QuarantinedButPassed,
    string? Warning)
{
    public static TestTally Of(IReadOnlyList<TestCaseResult> tests)
    {
        var notRun = tests.Where(t => t.LeftOut is not null).GroupBy(t => t.LeftOut!)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var ran = tests.Count(t => t.LeftOut is null && t.Status is TestStatus.Passed or TestStatus.Failed or TestStatus.Quarantined);
        var byLabel = notRun.GetValueOrDefault(TestLeftOut.LabelFilter);
        List<string> warnings = [];
        if (tests.Count > 0 && ran == 0)
            warnings.Add($"no test ran: all {tests.Count} defined test(s) were left out ({Reasons(notRun)})");
        else if (byLabel * 2 > tests.Count)
            warnings.Add($"{byLabel} of {tests.Count} defined tests were left out by the label filter; only {ran} ran");
        // An unlabelled test can never match -L: e.g. Realm's realm_unit_tests under a sanitizer, hundreds of cases in one test.
        var unlabelled = tests.Where(t => t.LeftOut == TestLeftOut.LabelFilter && t.Message?.StartsWith(TestLeftOut.UnlabelledMessage, StringComparison.Ordinal) == true)
            .Select(t => t.Name).ToList();
        if (unlabelled.Count > 0 && ran > 0)
            warnings.Add($"{unlabelled.Count} test(s) with no labels left out by the label filter (-L never selects them): {string.Join(", ", unlabelled.Take(5))}{(unlabelled.Count > 5 ? ", …" : "")}");
        if (notRun.GetValueOrDefault(TestLeftOut.NoResult) is > 0 and var none && ran > 0)
            warnings.Add($"{none} test(s) without a result: {string.Join("; ", tests.Where(t => t.LeftOut == TestLeftOut.NoResult).Select(t => $"{t.Name} ({t.Message})").Take(3))}");
        // Tests sharing a name are each accounted for under NAME [EXECUTABLE]: say so, so nobody counts them as one.
        foreach (var group in tests.Where(t => t.SharedName is not null).GroupBy(t => t.SharedName!, StringComparer.Ordinal))
            warnings.Add($"{group.Count()} tests share the name {group.Key}, each accounted for: {string.Join(", ", group.Select(t => $"{t.Name} {Outcome(t)}"))}");
        var warning = warnings.Count == 0 ? null : string.Join("; ", warnings);
        return new(tests.Count, ran, tests.Count(t => t.Status == TestStatus.Quarantined), notRun,
            [.. tests.Where(t => t.Status == TestStatus.Passed && t.Quarantine is not null)], warning);
    }

    private static string Outcome(TestCaseResult t) => t.Status == TestStatus.NotRun ? "not run" : t.Status.ToString().ToLowerInvariant();

    private static string Reasons(IReadOnlyDictionary<string, int> notRun) =>
        notRun.Count == 0 ? "no reason recorded" : string.Join(", ", notRun.Select(e => $"{e.Value} {TestLeftOut.Describe(e.Key)}"));
}
