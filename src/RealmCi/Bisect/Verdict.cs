using RealmCi.Results;

namespace RealmCi.Bisect;

/// <summary>What one candidate says to <c>git bisect</c>.</summary>
public enum Verdict { Good, Bad, Skip }

/// <summary>
/// One candidate built and tested: the commit, its subject, the verdict and why, the deciding
/// test's line (its failure message, or "passed"), and the run's time.
/// </summary>
public sealed record CandidateRun(string Commit, string Subject, Verdict Verdict, string Why, string? TestLine, double Seconds, bool Cached)
{
    public string Short => Commit[..Math.Min(10, Commit.Length)];
}

/// <summary>The result of one candidate's pipeline run, as the bisection needs it.</summary>
public delegate Task<ConfigurationResult> CandidateBuild(string commit, CancellationToken cancellation);
