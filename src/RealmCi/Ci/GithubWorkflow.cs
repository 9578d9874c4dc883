using RealmCi.Execution;

namespace RealmCi.Ci;

/// <summary>
/// A GitHub Actions workflow for one profile at one trust level: (dynamic) a <c>plan</c> job
/// that runs realm-ci and hands each kind of job its list through <c>fromJSON</c>, or (static)
/// the lists written out; one caller job per <see cref="JobKind"/>, a matrix over
/// <see cref="GithubJobWorkflow"/> with the runner labels written here; one gate. The
/// untrusted workflow (<c>pull_request</c>) has no caller for a self-hosted runner at all.
/// </summary>
public static class GithubWorkflow
{
    /// <summary>The trusted workflow (push, approved, schedule, tag, manual) and the pull-request one.</summary>
    public static string FileName(string profile, Trust trust = Trust.Trusted) =>
        trust == Trust.Trusted ? $".github/workflows/realm-ci-{profile}.yml" : $".github/workflows/realm-ci-{profile}-pull-request.yml";

    public static string Write(ProfilePlan plan, JobCommand command, CiSettings settings, bool dynamic, string header)
    {
        var kinds = dynamic ? JobKind.Possible(settings, plan.Trust).Select(k => (Kind: k, Entries: (IReadOnlyList<GithubEntry>?)null)).ToList()
            : GithubPlan.ByKind(plan, settings).Select(k => (k.Kind, Entries: (IReadOnlyList<GithubEntry>?)k.Entries)).ToList();
        if (plan.Trust == Trust.Untrusted && settings.DefaultRunner.SelfHosted)
            throw new Errors.RealmCiException($"ci.yaml: the default runner is self-hosted, but profile {plan.Profile}'s pull-request workflow needs a hosted one for its plan and gate: give runners.default hosted labels, or drop 'pr' from its triggers", Errors.ExitCodes.InvalidInput);
        var jobs = new List<(string, YamlValue)>();
        // The job that compiles realm-ci once and hands it on: the plan (dynamic) or a job of its own (static).
        var first = dynamic ? "plan" : "program";
        jobs.Add((first, dynamic ? Plan(plan, command, settings, kinds.Select(k => k.Kind)) : Program(command, settings)));
        if (plan.Trust == Trust.Trusted && plan.Triggers.Contains(Trigger.Approved)) jobs.Add(("ci-files", GithubCiFiles.Job(settings, command)));
        var environment = settings.Jobs.Environments.TryGetValue(plan.Profile, out var env) && plan.Trust == Trust.Trusted ? env : null;
        var target = settings.TargetOf(plan.Profile);
        foreach (var (kind, entries) in kinds) jobs.Add((kind.Id, Caller(kind, entries, settings, dynamic, environment, first, target)));
        jobs.Add(("gate", Gate(kinds.Select(k => k.Kind).ToList(), settings, dynamic, first)));
        return YamlText.Write(Y.Map(
            ("name", plan.Trust == Trust.Trusted ? $"realm-ci {plan.Profile}" : $"realm-ci {plan.Profile} (pull request, hosted runners only)"),
            ("on", GithubTriggers.On(plan, settings)),
            ("permissions", Y.Map(("contents", "read"))),
            ("concurrency", GithubTriggers.Concurrency(plan, settings)),
            ("jobs", Y.Map(jobs))), header);
    }

    private static YamlMap Plan(ProfilePlan plan, JobCommand command, CiSettings settings, IEnumerable<JobKind> kinds) => Y.Map(
        ("name", "plan"),
        ("runs-on", Y.Strings(settings.DefaultRunner.Github)),
        ("timeout-minutes", Y.Literal("30")),
        ("outputs", Y.Map(kinds.SelectMany(k => new[]
        {
            ($"matrix-{GithubPlan.Suffix(k)}", (YamlValue)$"${{{{ steps.plan.outputs.matrix-{GithubPlan.Suffix(k)} }}}}"),
            ($"count-{GithubPlan.Suffix(k)}", (YamlValue)$"${{{{ steps.plan.outputs.count-{GithubPlan.Suffix(k)} }}}}"),
        }))),
        ("steps", Y.List([.. GithubSteps.Checkout(command),
            Y.Map(("id", "plan"), ("name", "compute the job lists from the matrix"), ("run", $"{command.Plan("github", plan.Trust)} >> \"$GITHUB_OUTPUT\"\n")),
            GithubSteps.KeepProgram(command)])));

    /// <summary>Static mode's first job: compile realm-ci once (<c>--version</c> builds it) and hand it to every job.</summary>
    private static YamlMap Program(JobCommand command, CiSettings settings) => Y.Map(
        ("name", "build realm-ci"),
        ("runs-on", Y.Strings(settings.DefaultRunner.Github)),
        ("timeout-minutes", Y.Literal("30")),
        ("steps", Y.List([.. GithubSteps.Checkout(command),
            Y.Map(("name", "compile the build program"), ("run", ShellQuote.Join([command.BuildSh, "--version"]) + "\n")),
            GithubSteps.KeepProgram(command)])));

    /// <summary>One kind's caller: a matrix over the job workflow, the runner labels literal (from ci.yaml), never from the plan.</summary>
    private static YamlMap Caller(JobKind kind, IReadOnlyList<GithubEntry>? entries, CiSettings settings, bool dynamic, string? environment, string first, string target)
    {
        var suffix = GithubPlan.Suffix(kind);
        YamlValue matrix = dynamic ? $"${{{{ fromJSON(needs.plan.outputs.matrix-{suffix}) }}}}" : Y.Map(("include", Y.List(entries!.Select(e => (YamlValue)Y.Map(
            ("name", e.Name), ("args", e.Args), ("cache", e.Cache), ("test-cache", e.TestCache), ("pack", Y.Literal(e.Pack ? "true" : "false")),
            ("build-args", e.BuildArgs ?? ""), ("folder", e.Folder ?? ""), ("packdir", e.PackDir ?? ""), ("empty", e.Empty ?? ""),
            ("timeout", Y.Literal(e.Timeout.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            ("build-timeout", Y.Literal(e.BuildTimeout.ToString(System.Globalization.CultureInfo.InvariantCulture))))))));
        return Y.Map(
            ("name", "${{ matrix.name }}"),
            ("needs", Y.Strings([first])),
            ("if", dynamic ? (YamlValue)$"${{{{ needs.plan.outputs.count-{suffix} != '0' }}}}" : null),
            ("strategy", Y.Map(("fail-fast", Y.Literal("false")), ("matrix", matrix))),
            ("uses", "./" + GithubJobWorkflow.FileName),
            ("with", Y.Map(
                ("name", "${{ matrix.name }}"),
                ("target", target == "Test" ? null : (YamlValue)target),
                ("runner", Json(kind.Runner.Github)),
                ("build-runner", kind.Builder is null ? null : (YamlValue)Json(kind.Builder.Github)),
                ("args", "${{ matrix.args }}"),
                ("build-args", "${{ matrix.build-args }}"),
                ("pack", "${{ matrix.pack }}"),
                ("folder", "${{ matrix.folder }}"),
                ("packdir", "${{ matrix.packdir }}"),
                ("cache", "${{ matrix.cache }}"),
                ("test-cache", "${{ matrix.test-cache }}"),
                ("empty", "${{ matrix.empty }}"),
                ("timeout-minutes", "${{ matrix.timeout }}"),
                ("build-timeout-minutes", "${{ matrix.build-timeout }}"),
                ("environment", environment is null ? null : (YamlValue)environment))));
    }

    /// <summary>The one required check: every caller succeeded, or (dynamic) was skipped because its kind has no job; the plan succeeded.</summary>
    private static YamlMap Gate(IReadOnlyList<JobKind> kinds, CiSettings settings, bool dynamic, string first)
    {
        var env = new List<(string, YamlValue)>();
        var script = "failed=0\n"
            + "check() { if [ \"$2\" = success ] || { [ \"$2\" = skipped ] && [ \"$3\" = 0 ]; }; then echo \"realm-ci gate: $1 $2\"; else echo \"realm-ci gate: $1 did not succeed ($2)\"; failed=1; fi; }\n";
        env.Add(("PLAN", $"${{{{ needs.{first}.result }}}}")); script += $"check {first} \"$PLAN\" 1\n";
        foreach (var kind in kinds)
        {
            env.Add((kind.Variable, $"${{{{ needs.{kind.Id}.result }}}}"));
            if (dynamic) env.Add(("COUNT_" + kind.Variable, $"${{{{ needs.plan.outputs.count-{GithubPlan.Suffix(kind)} }}}}"));
            script += $"check {kind.Id} \"${kind.Variable}\" " + (dynamic ? $"\"$COUNT_{kind.Variable}\"\n" : "1\n");
        }
        script += "exit \"$failed\"\n";
        return Y.Map(
            ("name", "realm-ci gate"),
            ("needs", Y.Strings([first, .. kinds.Select(k => k.Id)])),
            ("if", "${{ always() }}"),
            ("runs-on", Y.Strings(settings.DefaultRunner.Github)),
            ("timeout-minutes", Y.Literal("10")),
            ("env", Y.Map(env)),
            ("steps", Y.List(Y.Map(("name", "every configuration job succeeded"), ("run", script)))));
    }

    private static string Json(IEnumerable<string> labels) => System.Text.Json.JsonSerializer.Serialize(labels);
}
