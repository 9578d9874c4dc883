using System.Globalization;
using RealmCi.Results;

namespace RealmCi.Ci;

/// <summary>
/// A generated job's time limit in minutes: ci.yaml's <c>timeouts.PROFILE</c>, else derived from
/// the step time limits realm-ci itself enforces (the same <see cref="StepTimeouts"/>,
/// with <c>--step-timeout</c> from ci.yaml's <c>args</c>), summed over the steps the job runs (with the coverage step, and
/// the ABI step plus the baseline's own build, when <c>args</c> ask for them),
/// times its configurations, plus <see cref="Overhead"/>; hosted GitHub runners stop at 360.
/// </summary>
public static class JobTimeout
{
    /// <summary>Checkout, SDK install, build program, cache restore and save, artifact upload.</summary>
    public const int Overhead = 15;

    public enum Part { Whole, Build, Test }

    public static int Minutes(CiSettings settings, string profile, CiJob job, Part part, bool hostedGithub)
    {
        if (settings.Jobs.Timeouts.TryGetValue(profile, out var fixedMinutes)) return fixedMinutes;
        var cap = StepTimeout(settings.Args);
        List<StepKind> steps = part switch
        {
            Part.Build => [StepKind.Image, StepKind.Configure, StepKind.Build, StepKind.Install],
            Part.Test => [StepKind.Image, StepKind.Test],
            _ => [StepKind.Image, StepKind.Configure, StepKind.Build, StepKind.Test, StepKind.Install],
        };
        // Steps that args add: coverage runs after the tests of a job that builds them; the ABI check after install, and
        // before the run the baseline's own build of each configuration (configure, build, install, its dump).
        if (part == Part.Whole && settings.Args.Contains("--coverage")) steps.Add(StepKind.Coverage);
        if (part != Part.Test && settings.Args.Any(a => a.StartsWith("--abi-baseline=", StringComparison.Ordinal)))
            steps.AddRange([StepKind.Abi, StepKind.Configure, StepKind.Build, StepKind.Install, StepKind.Abi]);
        var minutes = Overhead + job.Ids.Length * (int)Math.Ceiling(steps.Sum(s => StepTimeouts.For(s, cap).TotalMinutes));
        return hostedGithub ? Math.Min(minutes, 360) : minutes;
    }

    private static TimeSpan? StepTimeout(IEnumerable<string> args) =>
        args.Select(a => a.StartsWith("--step-timeout=", StringComparison.Ordinal) ? a["--step-timeout=".Length..] : null)
            .LastOrDefault(a => a is not null) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m)
            ? TimeSpan.FromMinutes(m) : null;
}
