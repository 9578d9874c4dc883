using RealmCi.Execution;

namespace RealmCi.Ci;

/// <summary>
/// The workflow of a profile whose target is <c>Release</c> (ci.yaml <c>targets:</c>), started by a
/// tag: a <c>release</c> job runs <c>./build.sh --target=Release --tag=TAG</c> on the runner the
/// plan chose and keeps the release folder as an artifact; a <c>publish</c> job on a hosted runner
/// attests the files' provenance (<c>actions/attest-build-provenance</c>, pinned) and makes the
/// GitHub release with them as assets (<c>gh release create --verify-tag</c>). Only <c>publish</c>
/// may write: <c>contents: write</c> for the release, <c>id-token</c> and <c>attestations</c> for
/// the attestation; the build itself keeps <c>contents: read</c>.
/// </summary>
public static class GithubRelease
{
    public const string Artifact = "realm-ci-release";

    public static string Write(ProfilePlan plan, JobCommand command, CiSettings settings, string header)
    {
        var retention = Y.Literal(settings.RetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var environment = settings.Jobs.Environments.TryGetValue(plan.Profile, out var env) ? env : null;
        var jobs = new List<(string, YamlValue)>();
        if (plan.Jobs.Count == 0)
            jobs.Add(("release", Y.Map(("name", "realm-ci release"), ("runs-on", Y.Strings(settings.DefaultRunner.Github)), ("timeout-minutes", Y.Literal("10")),
                ("steps", Y.List(Y.Map(("name", "nothing to release"), ("run", "echo " + ShellQuote.Quote(JobCommand.EmptyMessage(plan.Profile, plan.Description)) + "\nexit 1\n")))))));
        foreach (var job in plan.Jobs)
        {
            var timeout = JobTimeout.Minutes(settings, plan.Profile, job, JobTimeout.Part.Whole, !job.Runner.SelfHosted);
            jobs.Add(("release", Y.Map(
                ("name", "realm-ci release"),
                ("if", "${{ startsWith(github.ref, 'refs/tags/') }}"),
                ("runs-on", Y.Strings(job.Runner.Github)),
                ("timeout-minutes", Y.Literal(timeout.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                ("environment", environment is null ? null : (YamlValue)environment),
                ("env", Y.Map((JobCommand.TagVariable, "${{ github.ref_name }}"), (JobCommand.ArgsVariable, string.Join(' ', job.Args)))),
                ("steps", Y.List([.. GithubSteps.Checkout(command),
                    Y.Map(("name", "./build.sh --target=Release"), ("run", command.Release() + "\n")),
                    Y.Map(("name", "keep the release folder for publishing"), ("uses", GithubSteps.Uses(settings, "upload-artifact")),
                        ("with", Y.Map(("name", Artifact), ("path", $"{JobCommand.ReleaseArtifacts}/release/"), ("if-no-files-found", "error"), ("retention-days", retention)))),
                    Y.Map(("name", "keep logs, JUnit, result.json, reproduce.sh"), ("if", "${{ always() }}"), ("uses", GithubSteps.Uses(settings, "upload-artifact")),
                        ("with", Y.Map(("name", "realm-ci-release-logs"), ("path", string.Join("\n", JobCommand.KeptFiles(JobCommand.ReleaseArtifacts)) + "\n"),
                            ("if-no-files-found", "ignore"), ("retention-days", retention))))])))));
            jobs.Add(("publish", Y.Map(
                ("name", "publish the release with provenance"),
                ("needs", Y.Strings(["release"])),
                ("runs-on", Y.Strings(settings.DefaultRunner.Github)),
                ("timeout-minutes", Y.Literal("30")),
                ("permissions", Y.Map(("contents", "write"), ("id-token", "write"), ("attestations", "write"))),
                ("env", Y.Map((JobCommand.TagVariable, "${{ github.ref_name }}"), ("GH_TOKEN", "${{ github.token }}"), ("GH_REPO", "${{ github.repository }}"))),
                ("steps", Y.List(
                    Y.Map(("name", "the release folder"), ("uses", GithubSteps.Uses(settings, "download-artifact")), ("with", Y.Map(("name", Artifact), ("path", "release")))),
                    Y.Map(("name", "attest the provenance of every file"), ("uses", GithubSteps.Uses(settings, "attest-build-provenance")),
                        ("with", Y.Map(("subject-path", "release/*/*")))),
                    Y.Map(("name", "GitHub release with the files as assets"), ("run", Publish)))))));
        }
        return YamlText.Write(Y.Map(
            ("name", $"realm-ci {plan.Profile}"),
            ("on", Y.Map(("push", Y.Map(("tags", Y.Strings(["*"])))))),
            ("permissions", Y.Map(("contents", "read"))),
            ("concurrency", Y.Map(("group", $"realm-ci-{plan.Profile}-${{{{ github.ref }}}}"), ("cancel-in-progress", Y.Literal("false")))),
            ("jobs", Y.Map(jobs))), header);
    }

    /// <summary>The release folder is <c>release/VERSION/</c>: its notes become the release's text, every file an asset.</summary>
    public const string Publish =
        "set -- release/*/*\n"
        + "notes=\"$(ls release/*/release-notes.md)\"\n"
        + "gh release create \"$REALM_CI_TAG\" --verify-tag --title \"$REALM_CI_TAG\" --notes-file \"$notes\" \"$@\"\n";
}
