namespace RealmCi.Results;

/// <summary>
/// A test's record over the last runs of its configuration on this cache (flakiness history):
/// how many runs it ran in, failed in (every attempt, or first and then passed a rerun), and of
/// those, passed on a rerun. Only ever a note: it never decides pass or fail.
/// </summary>
public sealed record TestRecord(string Test, int Runs, int Failed, int Flaky)
{
    /// <summary>"failed 3 of the last 20 runs (1 passed on a rerun)".</summary>
    public string Describe() =>
        $"failed {Failed} of the last {Runs} run{(Runs == 1 ? "" : "s")}{(Flaky > 0 ? $" ({Flaky} passed on a rerun)" : "")}";
}
