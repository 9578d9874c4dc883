namespace RealmCi.Bisect;

/// <summary>
/// What to bisect: one configuration (<see cref="ConfigId"/>) between a commit where the test
/// passes (<see cref="Good"/>) and one where it fails (<see cref="Bad"/>), in the checkout
/// <see cref="Source"/> (read only: the bisection runs in a clone under <see cref="Work"/>).
/// <see cref="Test"/> names the deciding test (a name, else a regular expression); null: the bad
/// commit's first failing test. <see cref="Downstream"/> (--downstream) names the downstream of the
/// matrix file whose tests decide instead of Realm's own (each candidate is a canary of it).
/// </summary>
public sealed record BisectOptions(string ConfigId, string Good, string Bad, string Source, string Work)
{
    public string? Test { get; init; }

    public string? Downstream { get; init; }

    /// <summary>The clone the candidates are checked out in (never the user's repository).</summary>
    public string CloneFolder => Path.Combine(Work, "source");

    /// <summary>Where <c>bisect.md</c> and each candidate's saved logs go.</summary>
    public string Report => Path.Combine(Work, "bisect.md");

    public string Runs => Path.Combine(Work, "runs");
}
