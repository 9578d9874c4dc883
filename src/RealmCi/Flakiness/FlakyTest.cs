namespace RealmCi.Flakiness;

/// <summary>
/// A test that failed at least once in its configuration's remembered runs: its record, its
/// letters (oldest first, see <see cref="ConfigurationHistory"/>), when it last failed, and
/// whether it is <see cref="Intermittent"/> (it also passed: flaky) or failed every run it ran in.
/// </summary>
public sealed record FlakyTest(string Configuration, string Test, int Runs, int Failed, int Flaky, string History, DateTimeOffset? LastFailed)
{
    public bool Intermittent => Failed < Runs || Flaky > 0;

    /// <summary>
    /// The flakiest first: intermittent tests by failure rate, then by failures; then the ones
    /// that failed every run (broken rather than flaky); ties by configuration and name.
    /// </summary>
    public static IReadOnlyList<FlakyTest> Rank(IEnumerable<ConfigurationHistory> histories) =>
        [.. histories
            .SelectMany(h => h.Tests.Keys.Select(t => (h, Record: h.Record(t))))
            .Where(x => x.Record is { Failed: > 0 })
            .Select(x => new FlakyTest(x.h.Configuration, x.Record!.Test, x.Record.Runs, x.Record.Failed, x.Record.Flaky, x.h.Tests[x.Record.Test], x.h.LastFailed(x.Record.Test)))
            .OrderByDescending(t => t.Intermittent)
            .ThenByDescending(t => (double)t.Failed / t.Runs)
            .ThenByDescending(t => t.Failed)
            .ThenBy(t => t.Configuration, StringComparer.Ordinal)
            .ThenBy(t => t.Test, StringComparer.Ordinal)];
}
