namespace RealmCi.Ci;

/// <summary>
/// Whose code a pipeline runs. <see cref="Untrusted"/>: a pull/merge request's, before anyone
/// approved it — the request controls its own CI files, so such a pipeline gets no job on a
/// self-hosted runner at all. <see cref="Trusted"/>: the default branch, tags, schedules, manual
/// runs and approved <c>pull-request/N</c> pushes (GitLab: protected refs).
/// </summary>
public enum Trust { Untrusted, Trusted }

public static class TrustLevels
{
    public static Trust Of(Trigger trigger) => trigger == Trigger.Pr ? Trust.Untrusted : Trust.Trusted;

    /// <summary>Whether a configuration placed on <paramref name="runner"/> (and built on its <c>BuildOn</c>) may run in a pipeline of this trust.</summary>
    public static bool Allows(this Trust trust, Runner runner) =>
        trust == Trust.Trusted || !runner.SelfHosted && runner.BuildOn is not { SelfHosted: true };
}
