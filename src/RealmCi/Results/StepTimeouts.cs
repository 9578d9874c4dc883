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
        // abi-dumper (single-threaded Perl) on Realm's Debug librealm.so (152 MB with -g) took 14.5 min on a loaded 2-core
        // machine, then abi-compliance-checker reads two 94 MB dumps twice: 15 min stopped the first real run (2026-12-07).
        StepKind.Abi => TimeSpan.FromMinutes(90),
        // gcovr over an instrumented tree: 3.5 min for Legion's 254 targets on the real canary; a sanitizer-sized tree more.
        StepKind.Coverage => TimeSpan.FromMinutes(60),
        _ => TimeSpan.FromMinutes(15),
    };

    /// <summary>The limit of <paramref name="step"/>: its default, or <paramref name="cap"/> when that is lower.</summary>
    public static TimeSpan For(StepKind step, TimeSpan? cap) => cap is { } c && c < Default(step) ? c : Default(step);
}
