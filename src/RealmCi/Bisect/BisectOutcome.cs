using System.Collections.Immutable;

namespace RealmCi.Bisect;

/// <summary>
/// How a bisection ended: the first bad commit (null when only skipped commits were left and git
/// names several candidates), every run in order, and the deciding test.
/// </summary>
public sealed record BisectOutcome(
    string ConfigId, string Test, string Good, string Bad, int Commits, string? FirstBad, string? FirstBadSubject,
    ImmutableArray<string> Candidates, ImmutableArray<CandidateRun> Runs, string GitLog)
{
    /// <summary>Pipeline runs, endpoints and skipped commits included (a result-cache hit counts).</summary>
    public int Builds => Runs.Length;

    public double Seconds => Runs.Sum(r => r.Seconds);

    /// <summary>The bound the proof holds it to: ceil(log2 N) + 3 (both endpoints and one skipped commit).</summary>
    public int Bound => (int)Math.Ceiling(Math.Log2(Math.Max(1, Commits))) + 3;

    /// <summary>The run of the first bad commit, and the last good run (its parent's, else the good endpoint's).</summary>
    public CandidateRun? BadRun => Runs.LastOrDefault(r => r.Commit == FirstBad && r.Verdict == Verdict.Bad);

    public CandidateRun? GoodRun => Runs.LastOrDefault(r => r.Verdict == Verdict.Good);
}
