using RealmCi.Results;
using System.Collections.Immutable;
using RealmCi.CMake;
using RealmCi.Matrix;

namespace RealmCi.Execution;

/// <summary>The label selection a configuration's ctest call made, to explain why a test was left out.</summary>
public sealed record TestSelection(ImmutableArray<string> Labels, ImmutableArray<string> ExcludeLabels, ImmutableArray<string> GpuLabelsLeftOut)
{
    public static readonly TestSelection Everything = new([], [], []);

    /// <summary>ctest -R / -E over test names (a downstream's selection), or null.</summary>
    public string? Regex { get; init; }

    public string? ExcludeRegex { get; init; }

    /// <summary>The other part of a split (<see cref="TestFacet.Elsewhere"/>): a test it selects is run there, not filtered away.</summary>
    public (string Name, TestSelection Selection)? Elsewhere { get; init; }

    public static TestSelection Of(TestFacet t, ImmutableArray<string> gpuLabelsLeftOut) =>
        new(t.Labels.IsDefault ? [] : t.Labels, t.ExcludeLabels.IsDefault ? [] : t.ExcludeLabels, gpuLabelsLeftOut)
        {
            Regex = t.Regex,
            ExcludeRegex = t.ExcludeRegex,
            Elsewhere = t.Elsewhere is { } e ? (e.Name, Of(e.Selection, [])) : null,
        };
}

/// <summary>
/// Every test the build defines, accounted for: each appears once, as ctest ran it (passed,
/// failed, skipped) or as left out with the reason (label filter, needs a GPU, disabled, no
/// result), named by <see cref="TestIdentity"/> (tests sharing a name are told apart by executable). A ctest test that bundles GoogleTest cases (no <c>--gtest_filter</c>, and its
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
        // ctest's JUnit names tests only: results of one name are matched to the defined tests of that name in order (both follow ctest's index).
        var pending = new Dictionary<string, Queue<TestCaseResult>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var r in ran)
        {
            if (!pending.TryGetValue(r.Name, out var queue)) { pending[r.Name] = queue = new(); order.Add(r.Name); }
            queue.Enqueue(r);
        }
        var names = TestIdentity.Names(defined ?? []);

        var results = new List<TestCaseResult>();
        foreach (var (t, name) in (defined ?? []).Zip(names))
        {
            var shared = name == t.Name ? null : t.Name;
            var leftOut = LeftOut(t, selection) with { Name = name, SharedName = shared };
            // A same-named test the label filter left out took no result: the next one of that name did.
            if ((shared is null || leftOut.LeftOut != TestLeftOut.LabelFilter) && pending.TryGetValue(t.Name, out var queue) && queue.TryDequeue(out var r))
            {
                r = r with { Name = name, SharedName = shared };
                if (r.Status == TestStatus.Skipped && t.Disabled) r = r with { LeftOut = TestLeftOut.Disabled, Message = "disabled (ctest DISABLED property)" };
                if (r.Status is TestStatus.Passed or TestStatus.Failed && !t.SelectsOneCase && t.Executable is { } exe && gtestCases(exe) is { Count: > 0 } cases)
                {
                    AddCases(name, t.Name, cases);
                    if (r.Status == TestStatus.Failed && cases.All(c => c.Status != TestStatus.Failed))
                        results.Add(r with { Message = $"exited non-zero after its {cases.Count} GoogleTest case(s): {r.Message}" });
                    continue;
                }
                // No XML: the executable died mid-run. Its console names the cases it finished and the one it died in.
                if (r.Status == TestStatus.Failed && !t.SelectsOneCase && t.Executable is not null && r.Output is { } output
                    && GoogleTestXml.FromConsole(output) is { Count: > 0 } seen)
                {
                    AddCases(name, t.Name, seen);
                    var died = seen.LastOrDefault(c => c.Status == TestStatus.Failed)?.Name ?? seen[^1].Name;
                    results.Add(new(name, TestStatus.NotRun, 0,
                        $"its remaining GoogleTest cases did not run: the executable died in {died} after {seen.Count - 1} case(s)") { LeftOut = TestLeftOut.NoResult, SharedName = shared });
                    continue;
                }
                results.Add(r);
            }
            else results.Add(leftOut);
        }
        results.AddRange(order.SelectMany(n => pending[n])); // ran but not listed (the listing failed)

        // A bundle's cases, named TEST/Suite.Case, and its quarantined cases GTEST_FILTER kept out.
        void AddCases(string test, string ctestName, IReadOnlyList<TestCaseResult> cases)
        {
            results.AddRange(cases.Select(c => c with { Name = $"{test}/{c.Name}", InBundle = new(ctestName, c.Name) }));
            results.AddRange(QuarantineFilter.LeftOut(test, cases, quarantine, configurationId));
        }

        // An entry names a test as reported ("NAME [EXECUTABLE]" for one of several of a name); the plain name covers all of them.
        QuarantineEntry? Find(TestCaseResult r) => quarantine.Find(configurationId, r.Name) ?? (r.SharedName is { } n ? quarantine.Find(configurationId, n) : null);
        return [.. results.Select(r => r.LeftOut == TestLeftOut.Quarantined || Find(r) is not { } entry ? r
            : r.Status == TestStatus.Failed ? r with { Status = TestStatus.Quarantined, Quarantine = Note(entry) }
            : r.Status == TestStatus.Passed ? r with { Quarantine = Note(entry) }
            : r)];
    }

    private static string? NameFilter(string name, TestSelection s) =>
        s.Regex is { } r && !System.Text.RegularExpressions.Regex.IsMatch(name, r) ? $"the selection runs only names matching /{r}/"
        : s.ExcludeRegex is { } e && System.Text.RegularExpressions.Regex.IsMatch(name, e) ? $"the selection leaves out names matching /{e}/"
        : null;

    private static (bool Included, bool Excluded) LabelsSelect(ListedTest t, TestSelection s) =>
        (s.Labels.IsDefaultOrEmpty || t.Labels.Any(s.Labels.Contains), !s.ExcludeLabels.IsDefaultOrEmpty && t.Labels.Any(s.ExcludeLabels.Contains));

    private static QuarantineNote Note(QuarantineEntry e) => new(e.Reason, e.Link?.ToString());

    /// <summary>Why a defined test got no result from ctest.</summary>
    internal static TestCaseResult LeftOut(ListedTest t, TestSelection s)
    {
        var labels = t.Labels.Count == 0 ? "no labels" : $"labels [{string.Join(", ", t.Labels)}]";
        if (t.Disabled)
            return new(t.Name, TestStatus.Skipped, 0, "disabled (ctest DISABLED property)") { LeftOut = TestLeftOut.Disabled };
        var byName = NameFilter(t.Name, s);
        var (included, excluded) = LabelsSelect(t, s);
        if (byName is null && included && !excluded)
        {
            var gpu = s.GpuLabelsLeftOut.IsDefaultOrEmpty ? [] : t.Labels.Intersect(s.GpuLabelsLeftOut).ToList();
            return gpu.Count > 0
                ? new(t.Name, TestStatus.Skipped, 0, $"needs a GPU (label {string.Join("/", gpu)}); this host has none") { LeftOut = TestLeftOut.NeedsGpu }
                : new(t.Name, TestStatus.NotRun, 0, "ctest reported no result for it") { LeftOut = TestLeftOut.NoResult };
        }
        if (s.Elsewhere is var (part, other) && NameFilter(t.Name, other) is null && LabelsSelect(t, other) is (true, false))
            return new(t.Name, TestStatus.NotRun, 0, $"runs in {part}") { LeftOut = TestLeftOut.RunElsewhere };
        if (byName is not null)
            return new(t.Name, TestStatus.NotRun, 0, $"name filter: {byName}") { LeftOut = TestLeftOut.LabelFilter };
        List<string> why = [labels];
        if (!included) why.Add($"the selection runs only [{string.Join(", ", s.Labels)}]");
        if (excluded) why.Add($"the selection leaves out [{string.Join(", ", t.Labels.Intersect(s.ExcludeLabels))}]");
        return new(t.Name, TestStatus.NotRun, 0, $"label filter: {string.Join("; ", why)}") { LeftOut = TestLeftOut.LabelFilter };
    }
}
