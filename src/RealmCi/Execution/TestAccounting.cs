using RealmCi.Results;
using System.Collections.Immutable;
using RealmCi.CMake;
using RealmCi.Matrix;

namespace RealmCi.Execution;

/// <summary>The label selection a configuration's ctest call made, to explain why a test was left out.</summary>
public sealed record TestSelection(ImmutableArray<string> Labels, ImmutableArray<string> ExcludeLabels, ImmutableArray<string> GpuLabelsLeftOut)
{
    public static readonly TestSelection Everything = new([], [], []);
}

/// <summary>
/// Every test the build defines, accounted for: each appears once, as ctest ran it (passed,
/// failed, skipped) or as left out with the reason (label filter, needs a GPU, disabled, no
/// result). A ctest test that bundles GoogleTest cases (no <c>--gtest_filter</c>, and its
/// executable wrote per-case XML) is replaced by its cases, named <c>TEST/Suite.Case</c>; when it
/// died mid-run and wrote none, by the cases its console shows (the one it died in failed) and a
/// not-run entry for the rest. Then the
/// configuration's quarantine applies: a covered failure becomes <see cref="TestStatus.Quarantined"/>,
/// a covered pass keeps its status and carries the entry (so stale entries show). Pure.
/// </summary>
public static class TestAccounting
{
    public static IReadOnlyList<TestCaseResult> Account(
        IReadOnlyList<ListedTest>? defined,
        IReadOnlyList<TestCaseResult> ran,
        TestSelection selection,
        Func<string, IReadOnlyList<TestCaseResult>> gtestCases,
        Quarantine quarantine,
        string configurationId)
    {
        var pending = new Dictionary<string, TestCaseResult>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var r in ran)
            if (pending.TryAdd(r.Name, r)) order.Add(r.Name);

        var results = new List<TestCaseResult>();
        foreach (var t in defined ?? [])
        {
            if (pending.Remove(t.Name, out var r))
            {
                if (r.Status == TestStatus.Skipped && t.Disabled) r = r with { LeftOut = TestLeftOut.Disabled, Message = "disabled (ctest DISABLED property)" };
                if (r.Status is TestStatus.Passed or TestStatus.Failed && !t.SelectsOneCase && t.Executable is { } exe && gtestCases(exe) is { Count: > 0 } cases)
                {
                    AddCases(t.Name, cases);
                    if (r.Status == TestStatus.Failed && cases.All(c => c.Status != TestStatus.Failed))
                        results.Add(r with { Message = $"exited non-zero after its {cases.Count} GoogleTest case(s): {r.Message}" });
                    continue;
                }
                // No XML: the executable died mid-run. Its console names the cases it finished and the one it died in.
                if (r.Status == TestStatus.Failed && !t.SelectsOneCase && t.Executable is not null && r.Output is { } output
                    && GoogleTestXml.FromConsole(output) is { Count: > 0 } seen)
                {
                    AddCases(t.Name, seen);
                    var died = seen.LastOrDefault(c => c.Status == TestStatus.Failed)?.Name ?? seen[^1].Name;
                    results.Add(new(t.Name, TestStatus.NotRun, 0,
                        $"its remaining GoogleTest cases did not run: the executable died in {died} after {seen.Count - 1} case(s)") { LeftOut = TestLeftOut.NoResult });
                    continue;
                }
                results.Add(r);
            }
            else results.Add(LeftOut(t, selection));
        }
        results.AddRange(order.Where(pending.ContainsKey).Select(n => pending[n])); // ran but not listed (the listing failed)

        // A bundle's cases, named TEST/Suite.Case, and its quarantined cases GTEST_FILTER kept out.
        void AddCases(string test, IReadOnlyList<TestCaseResult> cases)
        {
            results.AddRange(cases.Select(c => c with { Name = $"{test}/{c.Name}" }));
            results.AddRange(QuarantineFilter.LeftOut(test, cases, quarantine, configurationId));
        }

        return [.. results.Select(r => r.LeftOut == TestLeftOut.Quarantined || quarantine.Find(configurationId, r.Name) is not { } entry ? r
            : r.Status == TestStatus.Failed ? r with { Status = TestStatus.Quarantined, Quarantine = Note(entry) }
            : r.Status == TestStatus.Passed ? r with { Quarantine = Note(entry) }
            : r)];
    }

    private static QuarantineNote Note(QuarantineEntry e) => new(e.Reason, e.Link?.ToString());

    /// <summary>Why a defined test got no result from ctest.</summary>
    internal static TestCaseResult LeftOut(ListedTest t, TestSelection s)
    {
        var labels = t.Labels.Count == 0 ? "no labels" : $"labels [{string.Join(", ", t.Labels)}]";
        if (t.Disabled)
            return new(t.Name, TestStatus.Skipped, 0, "disabled (ctest DISABLED property)") { LeftOut = TestLeftOut.Disabled };
        var included = s.Labels.IsDefaultOrEmpty || t.Labels.Any(s.Labels.Contains);
        var excluded = !s.ExcludeLabels.IsDefaultOrEmpty && t.Labels.Any(s.ExcludeLabels.Contains);
        if (included && !excluded)
        {
            var gpu = s.GpuLabelsLeftOut.IsDefaultOrEmpty ? [] : t.Labels.Intersect(s.GpuLabelsLeftOut).ToList();
            return gpu.Count > 0
                ? new(t.Name, TestStatus.Skipped, 0, $"needs a GPU (label {string.Join("/", gpu)}); this host has none") { LeftOut = TestLeftOut.NeedsGpu }
                : new(t.Name, TestStatus.NotRun, 0, "ctest reported no result for it") { LeftOut = TestLeftOut.NoResult };
        }
        List<string> why = [labels];
        if (!included) why.Add($"the selection runs only [{string.Join(", ", s.Labels)}]");
        if (excluded) why.Add($"the selection leaves out [{string.Join(", ", t.Labels.Intersect(s.ExcludeLabels))}]");
        return new(t.Name, TestStatus.NotRun, 0, $"label filter: {string.Join("; ", why)}") { LeftOut = TestLeftOut.LabelFilter };
    }
}
