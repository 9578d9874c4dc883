using System.Text.RegularExpressions;

namespace RealmCi.Ci;

/// <summary>
/// GitLab CI: a parent <c>.gitlab-ci.yml</c> with, per profile, rules for its triggers and a
/// trigger job (<c>strategy: depend</c>) that runs the profile's child pipeline — generated at
/// run time by a plan job and passed as an artifact (dynamic), or committed (static). The
/// child has one job per configuration (or group) and a gate stage whose job runs
/// <c>when: always</c> and fails unless every job left its "passed" status file.
/// </summary>
public static partial class GitlabPipeline
{
    public const string Gate = "realm-ci gate";
    /// <summary>realm-ci's parent pipeline: its own file, included from the project's <see cref="IncludingFile"/>.</summary>
    public const string ParentFile = ".gitlab/realm-ci.yml";

    /// <summary>GitLab's entry point. realm-ci writes it only when it is missing or realm-ci's own; a hand-written one is never replaced without --force.</summary>
    public const string IncludingFile = ".gitlab-ci.yml";

    /// <summary>The <see cref="IncludingFile"/> realm-ci writes: nothing but the include.</summary>
    public static string Including(string header) => YamlText.Write(Y.Map(("include", Y.List(Y.Map(("local", ParentFile))))), header);

    /// <summary>Whether a hand-written entry point already includes realm-ci's parent (then it is left as it is).</summary>
    public static bool Includes(string text) => text.Contains(ParentFile, StringComparison.Ordinal);

    /// <summary>A static child pipeline: the trusted one (protected refs), or the one for unprotected refs and merge requests (no self-hosted job).</summary>
    public static string ChildFile(string profile, Trust trust = Trust.Trusted) =>
        trust == Trust.Trusted ? $".gitlab/realm-ci-{profile}.yml" : $".gitlab/realm-ci-{profile}-unprotected.yml";

    public static string PlanArtifact(string profile) => $"realm-ci-{profile}.yml";

    /// <summary>The parent pipeline's id, passed to a dynamic child by its trigger job (for <c>needs: pipeline:</c>).</summary>
    public const string PlanPipelineVariable = "REALM_CI_PLAN_PIPELINE";

    /// <param name="planJob">The parent's plan job (a dynamic child): every job takes the build program it compiled, so none compiles it.</param>
    public static string Child(ProfilePlan plan, JobCommand command, CiSettings settings, string header, string? planJob = null)
    {
        YamlValue Program() => Y.Map(("pipeline", "$" + PlanPipelineVariable), ("job", planJob!));
        YamlValue? Needs(params string[] jobs) => planJob is null && jobs.Length == 0 ? null
            : Y.List([.. planJob is null ? Array.Empty<YamlValue>() : [Program()], .. jobs.Select(j => (YamlValue)j)]);
        var entries = new List<(string, YamlValue)>
        {
            ("stages", Y.Strings(["build", "gate"])),
            // GIT_DEPTH 0: the whole history with its tags, which the code under test needs for its version
            // (git describe; realm-ci refuses a shallow checkout before configuring).
            ("variables", Y.Map(("XDG_CACHE_HOME", "$CI_PROJECT_DIR/.cache"), ("GIT_DEPTH", "0"))),
        };
        var names = new List<string>();
        if (settings.TargetOf(plan.Profile) == "Release" && plan.Jobs.Count > 0)
            return YamlText.Write(Y.Map([.. entries, .. GitlabRelease.Jobs(plan, command, settings, planJob is null ? null : Program())]), header);
        if (plan.Jobs.Count == 0)
        {
            names.Add("no-configurations");
            entries.Add(("no-configurations", Y.Map(
                ("stage", "build"),
                ("tags", Tags(settings.DefaultRunner)),
                ("script", Y.Strings([ShellEcho(JobCommand.EmptyMessage(plan.Profile, plan.Description)), .. Passed("no-configurations")])),
                ("artifacts", Y.Map(("paths", Y.Strings([$"{JobCommand.Status}/"]))))
            )));
        }
        foreach (var job in plan.Jobs)
        {
            var name = Checked(job.Name);
            names.Add(name);
            var folder = $"{JobCommand.Artifacts}/{name}";
            if (job.BuildOn is { } builder)
                entries.Add((Checked(job.BuildName), Y.Map( // build once (on a CPU runner), test from the pack below
                    ("stage", "build"),
                    ("needs", Needs()),
                    ("tags", Tags(builder)),
                    ("timeout", $"{JobTimeout.Minutes(settings, plan.Profile, job, JobTimeout.Part.Build, false)} minutes"),
                    ("retry", Retry(settings)),
                    ("interruptible", Interruptible(plan)),
                    ("environment", Environment(plan, settings)),
                    ("variables", Y.Map((JobCommand.ArgsVariable, string.Join(' ', job.Args)))),
                    ("cache", Y.Map(("key", JobCommand.GitlabCacheKey(job.Name)), ("paths", Y.Strings([".cache/realm-ci/"])))),
                    ("script", Y.Strings([.. command.Fetch, command.Pack(job.PacksFolder)])),
                    ("artifacts", Y.Map(
                        ("when", "always"),
                        ("expire_in", $"{settings.RetentionDays} days"),
                        ("paths", Y.Strings([job.PackPath, .. JobCommand.KeptFiles(job.PacksFolder)])))))));
            entries.Add((name, Y.Map(
                ("stage", "build"),
                ("needs", job.BuildOn is null ? Needs() : Needs(job.BuildName)),
                ("tags", Tags(job.Runner)),
                ("timeout", $"{JobTimeout.Minutes(settings, plan.Profile, job, job.BuildOn is null ? JobTimeout.Part.Whole : JobTimeout.Part.Test, false)} minutes"),
                ("retry", Retry(settings)),
                ("interruptible", Interruptible(plan)),
                ("environment", Environment(plan, settings)),
                ("variables", Y.Map((JobCommand.ArgsVariable, string.Join(' ', job.TestArgs)))),
                ("cache", Y.Map(("key", job.BuildOn is null ? JobCommand.GitlabCacheKey(name) : JobCommand.GitlabTestCacheKey(name)), ("paths", Y.Strings([".cache/realm-ci/"])))),
                ("script", Y.Strings([.. command.Fetch, command.Run(folder), .. Passed(name)])),
                ("artifacts", Y.Map(
                    ("when", "always"),
                    ("expire_in", $"{settings.RetentionDays} days"),
                    ("paths", Y.Strings([.. JobCommand.KeptFiles(folder), $"{JobCommand.Status}/"])),
                    ("reports", Y.Map(("junit", $"{folder}/junit.xml")))))
            )));
        }
        entries.Add((Gate, Y.Map(
            ("stage", "gate"),
            ("when", "always"),
            ("tags", Tags(settings.DefaultRunner)),
            ("script", Y.Strings([GateScript(names)])))));
        return YamlText.Write(Y.Map(entries), plan.AwaitingApproval.IsEmpty ? header
            : header + $"\n{plan.Description}: {string.Join(' ', plan.AwaitingApproval)}");
    }

    /// <summary>
    /// The gate: every job must have left <c>realm-ci-status/NAME</c> reading <c>passed</c>; a
    /// failed, skipped or cancelled job leaves none, so it counts as a failure.
    /// </summary>
    public static string GateScript(IReadOnlyList<string> names) =>
        "failed=0\n"
        + $"for job in {string.Join(' ', names)}; do\n"
        + $"  if [ \"$(cat \"{JobCommand.Status}/$job\" 2>/dev/null)\" = passed ]; then echo \"realm-ci gate: $job passed\";\n"
        + "  else echo \"realm-ci gate: $job did not pass (failed, skipped, cancelled or missing)\"; failed=1; fi\n"
        + "done\n"
        + $"[ \"$failed\" = 0 ] && echo \"realm-ci gate: all {names.Count} job(s) passed\"\n"
        + "exit \"$failed\"\n";

    private static string[] Passed(string name) => [$"mkdir -p {JobCommand.Status} && echo passed > {JobCommand.Status}/{name}"];

    private static string ShellEcho(string text) => "echo " + Execution.ShellQuote.Quote(text);

    /// <summary>GitLab retries a job only for ci.yaml's <c>retry.when</c> (runner and system failures), never for its own failure.</summary>
    internal static YamlValue? Retry(CiSettings settings) => settings.Jobs.RetryMax == 0 ? null
        : Y.Map(("max", Y.Literal(settings.Jobs.RetryMax.ToString(System.Globalization.CultureInfo.InvariantCulture))), ("when", Y.Strings(settings.Jobs.RetryWhen)));

    /// <summary>A newer pipeline may cancel a merge request's (unprotected) jobs; never a protected ref's (the branch, tags).</summary>
    private static YamlValue? Interruptible(ProfilePlan plan) => plan.Trust == Trust.Untrusted && plan.Jobs.Count > 0 ? Y.Literal("true") : null;

    private static YamlValue? Environment(ProfilePlan plan, CiSettings settings) =>
        plan.Trust == Trust.Trusted && settings.Jobs.Environments.TryGetValue(plan.Profile, out var name) ? Y.Map(("name", name)) : null;

    internal static YamlValue? Tags(Runner runner) => runner.Gitlab.IsEmpty ? null : Y.Strings(runner.Gitlab);

    /// <summary>Job names become file names and shell words: only letters, digits, '.', '_', '-' and '+'.</summary>
    private static string Checked(string name) => SafeName().IsMatch(name) ? name
        : throw new Errors.RealmCiException($"job name '{name}' has characters a status file or shell word cannot carry");

    [GeneratedRegex("^[A-Za-z0-9._+-]+$")]
    private static partial Regex SafeName();
}
