using System.Text.Json;

namespace RealmCi.Ci;

/// <summary>
/// A GitHub Actions workflow for one profile: (dynamic) a <c>plan</c> job that runs realm-ci
/// and hands the job list to the <c>run</c> matrix through <c>fromJSON</c>, or (static) the
/// same matrix written out; then one gate that fails unless every job succeeded.
/// </summary>
public static class GithubWorkflow
{
    public static string FileName(string profile) => $".github/workflows/realm-ci-{profile}.yml";

    public static string Write(ProfilePlan plan, JobCommand command, CiSettings settings, bool dynamic, string header)
    {
        var needs = dynamic ? Y.Strings(["plan", "run"]) : Y.Strings(["run"]);
        var jobs = new List<(string, YamlValue)>();
        var packs = dynamic ? settings.Runners.Any(r => r.Runner.BuildOn is not null) : plan.Jobs.Any(j => j.BuildOn is not null); // build once, test many (GPU runners test from a pack)
        if (dynamic) jobs.Add(("plan", Plan(command, settings, packs)));
        if (packs) jobs.Add(("pack", Pack(plan, command, dynamic)));
        jobs.Add(("run", Run(plan, command, settings, dynamic, packs)));
        jobs.Add(("gate", Y.Map(
            ("name", "realm-ci gate"),
            ("needs", needs),
            ("if", "${{ always() }}"),
            ("runs-on", Y.Strings(settings.DefaultRunner.Github)),
            ("steps", Y.List(Y.Map(
                ("name", "every configuration job succeeded"),
                ("run", string.Join("\n", needs.Items.Cast<YamlScalar>().Select(n =>
                    $"echo \"{n.Text}: ${{{{ needs.{n.Text}.result }}}}\"; test \"${{{{ needs.{n.Text}.result }}}}\" = success")) + "\n")))))));
        return YamlText.Write(Y.Map(
            ("name", $"realm-ci {plan.Profile}"),
            ("on", On(plan, settings)),
            ("permissions", Y.Map(("contents", "read"))),
            ("jobs", Y.Map(jobs))), header);
    }

    /// <summary>The job list as <c>fromJSON</c> reads it: <c>{"include":[{name, runner, args, cache, empty?}]}</c>.</summary>
    public static string PlanJson(ProfilePlan plan, JobCommand command, CiSettings settings)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("include");
            foreach (var entry in Entries(plan, command, settings))
            {
                json.WriteStartObject();
                json.WriteString("name", entry.Name);
                json.WriteStartArray("runner");
                foreach (var label in entry.Runner) json.WriteStringValue(label);
                json.WriteEndArray();
                json.WriteString("args", entry.Args);
                json.WriteString("cache", entry.Cache);
                if (entry.Empty is { } empty) json.WriteString("empty", empty);
                if (entry.Pack is { } pack) json.WriteString("pack", pack);
                if (entry.PackDir is { } packDir) json.WriteString("packdir", packDir);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The build-once jobs as <c>fromJSON</c> reads them: <c>{"include":[{name, runner, args, cache, folder}]}</c> (none: no job tests from a pack).</summary>
    public static string PackJson(ProfilePlan plan, JobCommand command)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("include");
            foreach (var job in plan.Jobs.Where(j => j.BuildOn is not null))
            {
                json.WriteStartObject();
                json.WriteString("name", job.BuildName);
                json.WriteStartArray("runner");
                foreach (var label in job.BuildOn!.Github) json.WriteStringValue(label);
                json.WriteEndArray();
                json.WriteString("args", string.Join(' ', job.Args));
                json.WriteString("cache", command.CacheKey(job.BuildName));
                json.WriteString("folder", job.PacksFolder);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private sealed record Entry(string Name, IReadOnlyList<string> Runner, string Args, string Cache, string? Empty, string? Pack = null, string? PackDir = null);

    private static IEnumerable<Entry> Entries(ProfilePlan plan, JobCommand command, CiSettings settings)
    {
        if (plan.Jobs.Count == 0)
            return [new Entry("no-configurations", settings.DefaultRunner.Github, "", command.CacheKey("none"), JobCommand.EmptyMessage(plan.Profile, plan.Description))];
        return plan.Jobs.Select(j => new Entry(j.Name, j.Runner.Github, string.Join(' ', j.TestArgs), command.CacheKey(j.Name), null,
            j.BuildOn is null ? null : PackArtifact(j.BuildName), j.BuildOn is null ? null : j.PackPath[..j.PackPath.LastIndexOf('/')]));
    }

    private static YamlMap On(ProfilePlan plan, CiSettings settings)
    {
        var on = new List<(string, YamlValue)>();
        if (plan.Triggers.Contains(Trigger.Pr)) on.Add(("pull_request", Y.Map()));
        var push = new List<(string, YamlValue)>();
        if (plan.Triggers.Contains(Trigger.Push)) push.Add(("branches", Y.Strings([settings.Branch])));
        if (plan.Triggers.Contains(Trigger.Tag)) push.Add(("tags", Y.Strings(["*"])));
        if (push.Count > 0) on.Add(("push", Y.Map(push)));
        if (plan.Triggers.Contains(Trigger.Schedule)) on.Add(("schedule", Y.List(Y.Map(("cron", settings.Schedule)))));
        on.Add(("workflow_dispatch", Y.Map()));
        return Y.Map(on);
    }

    private static YamlList Checkout(JobCommand command) => Y.List(
    [
        Y.Map(("uses", "actions/checkout@v4")),
        .. command.Self ? Array.Empty<YamlValue>() :
        [
            Y.Map(("name", "realm-ci at its pinned revision"), ("uses", "actions/checkout@v4"),
                ("with", Y.Map(("repository", RepositoryName(command.Settings.Repository)), ("ref", command.PinOrThrow), ("path", ".realm-ci")))),
        ],
    ]);

    private static YamlMap Plan(JobCommand command, CiSettings settings, bool packs) => Y.Map(
        ("name", "plan"),
        ("runs-on", Y.Strings(settings.DefaultRunner.Github)),
        ("outputs", Y.Map(("matrix", "${{ steps.plan.outputs.matrix }}"), ("packs", packs ? (YamlValue)"${{ steps.plan.outputs.packs }}" : null))),
        ("steps", Y.List([.. Checkout(command).Items,
            Y.Map(("id", "plan"), ("name", "compute the job list from the matrix"),
                ("run", $"matrix=\"$({command.Plan("github")})\"\necho \"matrix=$matrix\" >> \"$GITHUB_OUTPUT\"\n"
                    + (packs ? $"packs=\"$({command.Plan("github")} --pack)\"\necho \"packs=$packs\" >> \"$GITHUB_OUTPUT\"\n" : "")))])));

    private static string PackArtifact(string buildName) => $"realm-ci-pack-{buildName}";

    /// <summary>Build once: each configuration whose runner has <c>build-on</c> is built on that runner with --pack; the pack is uploaded for its test job.</summary>
    private static YamlMap Pack(ProfilePlan plan, JobCommand command, bool dynamic)
    {
        YamlValue matrix = dynamic ? "${{ fromJSON(needs.plan.outputs.packs) }}" : Y.Map(("include", Y.List(plan.Jobs.Where(j => j.BuildOn is not null).Select(j => (YamlValue)Y.Map(
            ("name", j.BuildName), ("runner", Y.Strings(j.BuildOn!.Github)), ("args", string.Join(' ', j.Args)), ("cache", command.CacheKey(j.BuildName)), ("folder", j.PacksFolder))))));
        return Y.Map(
            ("name", "${{ matrix.name }}"),
            ("needs", dynamic ? Y.Strings(["plan"]) : null),
            ("if", dynamic ? (YamlValue)"${{ contains(needs.plan.outputs.packs, '\"name\"') }}" : null),
            ("runs-on", "${{ matrix.runner }}"),
            ("timeout-minutes", Y.Literal("360")),
            ("strategy", Y.Map(("fail-fast", Y.Literal("false")), ("matrix", matrix))),
            ("env", Y.Map((JobCommand.ArgsVariable, "${{ matrix.args }}"))),
            ("steps", Y.List([.. Checkout(command).Items,
                Y.Map(("name", "ccache and the result cache"), ("uses", "actions/cache@v4"),
                    ("with", Y.Map(("path", "~/.cache/realm-ci"), ("key", "${{ matrix.cache }}-${{ github.sha }}"), ("restore-keys", "${{ matrix.cache }}-")))),
                Y.Map(("name", "./build.sh --target=Build --pack"), ("run", command.Pack("${{ matrix.folder }}") + "\n")),
                Y.Map(("name", "keep the pack for the test job"), ("uses", "actions/upload-artifact@v4"),
                    ("with", Y.Map(("name", "realm-ci-pack-${{ matrix.name }}"), ("path", "${{ matrix.folder }}/*/pack.tar.gz\n"), ("if-no-files-found", "error")))),
                Y.Map(("name", "keep logs, result.json, reproduce.sh"), ("if", "${{ always() }}"), ("uses", "actions/upload-artifact@v4"),
                    ("with", Y.Map(("name", "realm-ci-${{ matrix.name }}"), ("path", string.Join("\n", JobCommand.KeptFiles("${{ matrix.folder }}")) + "\n"), ("if-no-files-found", "ignore")))),
            ])));
    }

    private static YamlMap Run(ProfilePlan plan, JobCommand command, CiSettings settings, bool dynamic, bool packs)
    {
        YamlValue matrix = dynamic ? "${{ fromJSON(needs.plan.outputs.matrix) }}" : Y.Map(("include", Y.List(Entries(plan, command, settings).Select(e => (YamlValue)Y.Map(
            ("name", e.Name), ("runner", Y.Strings(e.Runner)), ("args", e.Args), ("cache", e.Cache), ("empty", e.Empty is null ? null : (YamlValue)e.Empty),
            ("pack", e.Pack is null ? null : (YamlValue)e.Pack), ("packdir", e.PackDir is null ? null : (YamlValue)e.PackDir))))));
        var artifacts = $"{JobCommand.Artifacts}/${{{{ matrix.name }}}}";
        return Y.Map(
            ("name", "${{ matrix.name }}"),
            ("needs", dynamic ? Y.Strings(packs ? ["plan", "pack"] : ["plan"]) : packs ? Y.Strings(["pack"]) : null),
            // A skipped pack job (no pack needed) must not skip the tests; a failed pack fails only its own test job.
            ("if", packs ? (YamlValue)(dynamic ? "${{ !cancelled() && needs.plan.result == 'success' }}" : "${{ !cancelled() }}") : null),
            ("runs-on", "${{ matrix.runner }}"),
            ("timeout-minutes", Y.Literal("360")),
            ("strategy", Y.Map(("fail-fast", Y.Literal("false")), ("matrix", matrix))),
            ("env", Y.Map((JobCommand.ArgsVariable, "${{ matrix.args }}"), ("REALM_CI_EMPTY", "${{ matrix.empty }}"))),
            ("steps", Y.List([.. Checkout(command).Items,
                Y.Map(("name", "ccache and the result cache"), ("uses", "actions/cache@v4"),
                    ("with", Y.Map(("path", "~/.cache/realm-ci"), ("key", "${{ matrix.cache }}-${{ github.sha }}"), ("restore-keys", "${{ matrix.cache }}-")))),
                Y.Map(("name", "nothing to run"), ("if", "${{ matrix.empty }}"), ("run", "echo \"$REALM_CI_EMPTY\"\n")),
                .. packs ? [Y.Map(("name", "the pack built on a CPU runner"), ("if", "${{ matrix.pack }}"), ("uses", "actions/download-artifact@v4"),
                    ("with", Y.Map(("name", "${{ matrix.pack }}"), ("path", "${{ matrix.packdir }}"))))] : Array.Empty<YamlValue>(),
                Y.Map(("name", "./build.sh"), ("if", "${{ !matrix.empty }}"), ("run", command.Run(artifacts) + "\n")),
                Y.Map(("name", "keep logs, JUnit, result.json, reproduce.sh"), ("if", "${{ always() && !matrix.empty }}"), ("uses", "actions/upload-artifact@v4"),
                    ("with", Y.Map(("name", "realm-ci-${{ matrix.name }}"), ("path", string.Join("\n", JobCommand.KeptFiles(artifacts)) + "\n"), ("if-no-files-found", "ignore")))),
            ])));
    }

    /// <summary>actions/checkout wants owner/name: taken from a GitHub URL, else the text as given.</summary>
    private static string RepositoryName(string repository)
    {
        const string prefix = "https://github.com/";
        var name = repository.StartsWith(prefix, StringComparison.Ordinal) ? repository[prefix.Length..] : repository;
        return name.EndsWith(".git", StringComparison.Ordinal) ? name[..^4] : name;
    }
}
