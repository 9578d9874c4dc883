using System.Collections.Immutable;
using RealmCi.Results;

namespace RealmCi.Flakiness;

/// <summary>One run a history remembers: its id and when it finished.</summary>
public sealed record HistoryRun(string Run, DateTimeOffset At);

/// <summary>
/// A configuration's test history: its last <see cref="Limit"/> runs that ran tests, and for each
/// test one letter per run, oldest first — <c>P</c> passed, <c>F</c> failed, <c>X</c> flaky (failed,
/// then passed a rerun), <c>-</c> did not run. Every run adds one letter to every test, so the
/// letters line up with <see cref="Runs"/>. Pure: <see cref="Add"/> returns a new history.
/// </summary>
public sealed record ConfigurationHistory(string Configuration, ImmutableArray<HistoryRun> Runs, ImmutableSortedDictionary<string, string> Tests)
{
    public const int Limit = 20;

    public static ConfigurationHistory Empty(string configuration) =>
        new(configuration, [], ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>This history with one more run (none when no test ran), the oldest dropped past <see cref="Limit"/>.</summary>
    public ConfigurationHistory Add(HistoryRun run, IReadOnlyDictionary<string, TestOutcome> outcomes)
    {
        if (outcomes.Count == 0) return this;
        var keep = Math.Min(Runs.Length + 1, Limit);
        var tests = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var name in Tests.Keys.Union(outcomes.Keys))
        {
            var letters = (Tests.GetValueOrDefault(name) ?? "").PadLeft(Runs.Length, '-')
                + (outcomes.TryGetValue(name, out var o) ? TestOutcomes.Letter(o) : '-');
            letters = letters[^keep..];
            if (letters.Any(c => c != '-')) tests[name] = letters; // a test gone for the whole window is forgotten
        }
        return this with { Runs = [.. Runs.Add(run).TakeLast(keep)], Tests = tests.ToImmutable() };
    }

    /// <summary>The test's record over the remembered runs, or null when it never ran in them.</summary>
    public TestRecord? Record(string test) => Tests.GetValueOrDefault(test) is { } letters && letters.Any(c => c != '-')
        ? new TestRecord(test, letters.Count(c => c != '-'), letters.Count(c => c is 'F' or 'X'), letters.Count(c => c == 'X'))
        : null;

    /// <summary>When the test last failed (or was flaky), from the run it failed in.</summary>
    public DateTimeOffset? LastFailed(string test) =>
        Tests.GetValueOrDefault(test) is { } letters && letters.LastIndexOfAny(['F', 'X']) is var i and >= 0 && i < Runs.Length
            ? Runs[Runs.Length - letters.Length + i].At : null;
}
