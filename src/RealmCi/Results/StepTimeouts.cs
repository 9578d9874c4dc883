namespace RealmCi.Results;

/// <summary>
/// The default time limit of each step, in one place (generous: a CUDA image or a sanitizer
/// build is slow on two cores); <c>--step-timeout</c> can only lower them.
/// </summary>
public static class StepTimeouts
{
    public static TimeSpan Default(StepKind step) => step switch
    {
        StepKind.Image => TimeSpan.FromMinutes(60),
        StepKind.Configure => TimeSpan.FromMinutes(15),
        StepKind.Build => TimeSpan.FromMinutes(180),
        StepKind.Test => TimeSpan.FromMinutes(120),
        _ => TimeSpan.FromMinutes(15),
    };

    /// <summary>The limit of <paramref name="step"/>: its default, or <paramref name="cap"/> when that is lower.</summary>
    public static TimeSpan For(StepKind step, TimeSpan? cap) => cap is { } c && c < Default(step) ? c : Default(step);
}
