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
    public const string ParentFile = ".gitlab-ci.yml";

    public static string ChildFile(string profile) => $".gitlab/realm-ci-{profile}.yml";

    public static string PlanArtifact(string profile) => $"realm-ci-{profile}.yml";

    public static string Parent(IReadOnlyList<(ProfilePlan Plan, JobCommand Command)> profiles, CiSettings settings, bool dynamic, string header)
    {
        var jobs = new List<(string, YamlValue)> { ("stages", Y.Strings(dynamic ? ["realm-ci-plan", "realm-ci"] : ["realm-ci"])) };
        foreach (var (plan, command) in profiles)
        {
            var rules = Rules(plan, settings);
            var planJob = $"realm-ci plan {plan.Profile}";
            if (dynamic)
                jobs.Add((planJob, Y.Map(
                    ("stage", "realm-ci-plan"),
                    ("tags", Tags(settings.DefaultRunner)),
                    ("rules", rules),
                    ("script", Y.Strings([.. command.Fetch, $"{command.Plan("gitlab")} > {PlanArtifact(plan.Profile)}"])),
                    ("artifacts", Y.Map(("paths", Y.Strings([PlanArtifact(plan.Profile)]))))
                )));
            YamlValue include = dynamic
                ? Y.List(Y.Map(("artifact", PlanArtifact(plan.Profile)), ("job", planJob)))
                : Y.List(Y.Map(("local", ChildFile(plan.Profile))));
            jobs.Add(($"realm-ci {plan.Profile}", Y.Map(
                ("stage", "realm-ci"),
                ("rules", rules),
                ("needs", dynamic ? Y.Strings([planJob]) : null),
                ("trigger", Y.Map(("include", include), ("strategy", "depend"))))));
        }
        return YamlText.Write(Y.Map(jobs), header);
    }

    public static string Child(ProfilePlan plan, JobCommand command, CiSettings settings, string header)
    {
        var entries = new List<(string, YamlValue)>
        {
            ("stages", Y.Strings(["build", "gate"])),
            ("variables", Y.Map(("XDG_CACHE_HOME", "$CI_PROJECT_DIR/.cache"))),
        };
        var names = new List<string>();
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
                    ("tags", Tags(builder)),
                    ("variables", Y.Map((JobCommand.ArgsVariable, string.Join(' ', job.Args)))),
                    ("cache", Y.Map(("key", command.CacheKey(job.BuildName)), ("paths", Y.Strings([".cache/realm-ci/"])))),
                    ("script", Y.Strings([.. command.Fetch, command.Pack(job.PacksFolder)])),
                    ("artifacts", Y.Map(
                        ("when", "always"),
                        ("expire_in", "1 week"),
                        ("paths", Y.Strings([job.PackPath, .. JobCommand.KeptFiles(job.PacksFolder)])))))));
            entries.Add((name, Y.Map(
                ("stage", "build"),
                ("needs", job.BuildOn is null ? null : Y.Strings([job.BuildName])),
                ("tags", Tags(job.Runner)),
                ("variables", Y.Map((JobCommand.ArgsVariable, string.Join(' ', job.TestArgs)))),
                ("cache", Y.Map(("key", command.CacheKey(name)), ("paths", Y.Strings([".cache/realm-ci/"])))),
                ("script", Y.Strings([.. command.Fetch, command.Run(folder), .. Passed(name)])),
                ("artifacts", Y.Map(
                    ("when", "always"),
                    ("expire_in", "1 week"),
                    ("paths", Y.Strings([.. JobCommand.KeptFiles(folder), $"{JobCommand.Status}/"])),
                    ("reports", Y.Map(("junit", $"{folder}/junit.xml")))))
            )));
        }
        entries.Add((Gate, Y.Map(
            ("stage", "gate"),
            ("when", "always"),
            ("tags", Tags(settings.DefaultRunner)),
            ("script", Y.Strings([GateScript(names)])))));
        return YamlText.Write(Y.Map(entries), header);
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

    private static YamlValue? Tags(Runner runner) => runner.Gitlab.IsEmpty ? null : Y.Strings(runner.Gitlab);

    private static YamlList Rules(ProfilePlan plan, CiSettings settings)
    {
        var rules = new List<YamlValue> { Y.Map(("if", $"$REALM_CI_PROFILE == \"{plan.Profile}\"")) };
        foreach (var trigger in plan.Triggers)
            rules.Add(Y.Map(("if", "$REALM_CI_PROFILE == null && " + trigger switch
            {
                Trigger.Pr => "$CI_PIPELINE_SOURCE == \"merge_request_event\"",
                Trigger.Push => $"$CI_PIPELINE_SOURCE == \"push\" && $CI_COMMIT_BRANCH == \"{settings.Branch}\"",
                Trigger.Schedule => "$CI_PIPELINE_SOURCE == \"schedule\"",
                Trigger.Tag => "$CI_COMMIT_TAG",
                _ => "$CI_PIPELINE_SOURCE == \"web\"",
            })));
        return Y.List(rules);
    }

    /// <summary>Job names become file names and shell words: only letters, digits, '.', '_' and '-'.</summary>
    private static string Checked(string name) => SafeName().IsMatch(name) ? name
        : throw new Errors.RealmCiException($"job name '{name}' has characters a status file or shell word cannot carry");

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex SafeName();
}
