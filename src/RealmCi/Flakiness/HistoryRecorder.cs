using RealmCi.Results;

namespace RealmCi.Flakiness;

/// <summary>
/// After a configuration ran: its test outcomes join the configuration's history (when the run
/// may write it), and the result carries the record of each test that failed or was flaky in
/// this run — "failed 3 of the last 20 runs", this run included. Notes only: the status is untouched.
/// </summary>
public static class HistoryRecorder
{
    public static ConfigurationResult Apply(ConfigurationResult r, HistoryMode mode, HistoryStore store, DateTimeOffset at)
    {
        if (mode == HistoryMode.Off) return r;
        var outcomes = TestOutcomes.Of(r);
        if (outcomes.Count == 0) return r;
        var run = new HistoryRun(r.RunId ?? "", at);
        var history = mode == HistoryMode.Write
            ? store.Update(r.Id, h => h.Add(run, outcomes))
            : store.Read(r.Id).Add(run, outcomes); // counted, not kept
        var records = outcomes.Where(o => o.Value != TestOutcome.Passed).Select(o => history.Record(o.Key)).OfType<TestRecord>().ToList();
        return r with { History = records };
    }
}
