using System.Text.RegularExpressions;

namespace RealmCi.Ci;

/// <summary>
/// Jobs that run on one runner and, when split, are built on one builder: GitHub gets one
/// caller job per kind, whose runner labels are written in the committed file (never taken
/// from the plan's output), so the file itself says which runners a workflow can reach.
/// </summary>
public sealed partial record JobKind(Runner Runner, Runner? Builder)
{
    /// <summary>The caller job's id: <c>run-RUNNER</c>, or <c>run-RUNNER-built-on-BUILDER</c>.</summary>
    public string Id => "run-" + Checked(Runner.Name) + (Builder is null ? "" : "-built-on-" + Checked(Builder.Name));

    /// <summary>The environment variable name of this kind in the gate (e.g. RUN_GPU_NVIDIA).</summary>
    public string Variable => Id.ToUpperInvariant().Replace('-', '_');

    public bool SameAs(JobKind other) => Id == other.Id;

    public static JobKind Of(CiJob job) => new(job.Runner, job.BuildOn);

    /// <summary>Every kind a dynamic plan may fill at this trust: each runner alone, and each with each of its build-on candidates.</summary>
    public static IReadOnlyList<JobKind> Possible(CiSettings settings, Trust trust) =>
        settings.AllRunners
            .SelectMany(r => new[] { new JobKind(r, null) }.Concat(r.BuildOnCandidates.Select(b => new JobKind(r, b))))
            .Where(k => trust.Allows(k.Runner with { BuildOn = k.Builder }))
            .ToList();

    private static string Checked(string name) => RunnerName().IsMatch(name) ? name
        : throw new Errors.RealmCiException($"ci.yaml: runner name '{name}' must be letters, digits, '-' and '_', starting with a letter (it names generated jobs)", Errors.ExitCodes.InvalidInput);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex RunnerName();
}
