namespace RealmCi.Ci;

public enum CiPlatform { Github, Gitlab }

/// <summary>
/// A platform's limits that generated files must respect: jobs one matrix may expand to, jobs
/// one job may <c>needs:</c>, and the size of one configuration file.
/// </summary>
public sealed record Caps(int MaxJobs, int MaxNeeds, int MaxBytes)
{
    /// <summary>GitHub Actions: 256 jobs per matrix; a workflow file well under 1 MB.</summary>
    public static readonly Caps Github = new(256, 50, 1_000_000);

    /// <summary>GitLab CI: 200 jobs per <c>parallel:matrix</c> (the same bound for a generated child pipeline), 50 <c>needs</c> per job, 1 MB of YAML.</summary>
    public static readonly Caps Gitlab = new(200, 50, 1_000_000);

    public static Caps For(CiPlatform platform) => platform == CiPlatform.Github ? Github : Gitlab;
}

/// <summary>
/// When a profile's pipeline runs. <see cref="Pr"/> runs the request's own code and CI files
/// (untrusted); <see cref="Approved"/> is a push to a <c>pull-request/N</c> branch that a bot
/// or a maintainer creates for a commit they approved (copy-pr-bot's <c>/ok to test SHA</c>).
/// </summary>
public enum Trigger { Pr, Push, Schedule, Tag, Manual, Approved }
