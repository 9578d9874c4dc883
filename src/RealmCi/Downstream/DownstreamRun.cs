using RealmCi.Results;

namespace RealmCi.Downstream;

/// <summary>
/// One downstream's canary run: the worst exit of its runs, the downstream's own results (one per
/// configuration; its copies of Realm's tests are not among them), and the action that writes its
/// report (<c>canary.md</c>, and with coverage <c>coverage-lost.md</c>) given the Realm under test's
/// own results, once every run is done.
/// </summary>
public sealed record DownstreamRun(int Exit, IReadOnlyList<ConfigurationResult> Results, Action<IReadOnlyList<ConfigurationResult>> Report);
