namespace RealmCi.Ci;

/// <summary>
/// The child pipeline of a profile whose target is <c>Release</c>: a <c>release</c> job runs
/// <c>./build.sh --target=Release --tag=$CI_COMMIT_TAG</c> with
/// <c>RUNNER_GENERATE_ARTIFACTS_METADATA</c> (the runner writes an SLSA provenance statement for
/// its artifacts) and keeps the release folder; a <c>publish</c> job makes the GitLab release
/// (<c>release:</c>, which needs glab or release-cli on its runner) linking the release job's
/// files. Only on a tag: the parent's rules start it for tags, and its jobs check
/// <c>$CI_COMMIT_TAG</c> themselves.
/// </summary>
public static class GitlabRelease
{
    public static List<(string, YamlValue)> Jobs(ProfilePlan plan, JobCommand command, CiSettings settings, YamlValue? program)
    {
        var jobs = new List<(string, YamlValue)>();
        var rules = Y.List(Y.Map(("if", "$CI_COMMIT_TAG")));
        foreach (var job in plan.Jobs)
        {
            jobs.Add(("release", Y.Map(
                ("stage", "build"),
                ("rules", rules),
                ("needs", program is null ? null : Y.List(program)),
                ("tags", GitlabPipeline.Tags(job.Runner)),
                ("timeout", $"{JobTimeout.Minutes(settings, plan.Profile, job, JobTimeout.Part.Whole, false)} minutes"),
                ("retry", GitlabPipeline.Retry(settings)),
                ("variables", Y.Map((JobCommand.ArgsVariable, string.Join(' ', job.Args)), (JobCommand.TagVariable, "$CI_COMMIT_TAG"),
                    ("RUNNER_GENERATE_ARTIFACTS_METADATA", "true"))),
                ("script", Y.Strings([.. command.Fetch, command.Release()])),
                ("artifacts", Y.Map(
                    ("when", "always"),
                    ("expire_in", "never"), // the release's assets link here
                    ("paths", Y.Strings([$"{JobCommand.ReleaseArtifacts}/release/", .. JobCommand.KeptFiles(JobCommand.ReleaseArtifacts)])))))));
            jobs.Add(("publish", Y.Map(
                ("stage", "gate"),
                ("rules", rules),
                ("needs", Y.Strings(["release"])),
                ("tags", GitlabPipeline.Tags(settings.DefaultRunner)),
                ("script", Y.Strings(["echo \"realm-ci: publishing release $CI_COMMIT_TAG\""])),
                ("release", Y.Map(
                    ("tag_name", "$CI_COMMIT_TAG"),
                    ("name", "$CI_COMMIT_TAG"),
                    ("description", "Built, tested and packaged by realm-ci (--target=Release): SHA256SUMS, manifest.json, CycloneDX SBOMs and release-notes.md are in the release job's artifacts, with the runner's SLSA provenance statement."),
                    ("assets", Y.Map(("links", Y.List(
                        Y.Map(("name", "release files (archives, SBOMs, SHA256SUMS, manifest.json, release-notes.md)"),
                            ("url", "$CI_PROJECT_URL/-/jobs/artifacts/$CI_COMMIT_TAG/browse/" + JobCommand.ReleaseArtifacts + "/release?job=release")),
                        Y.Map(("name", "all release files as one archive"), ("url", "$CI_PROJECT_URL/-/jobs/artifacts/$CI_COMMIT_TAG/download?job=release")))))))))));
        }
        return jobs;
    }
}
