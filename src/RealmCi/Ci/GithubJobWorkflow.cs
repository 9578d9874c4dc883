namespace RealmCi.Ci;

/// <summary>
/// The reusable workflow every GitHub caller job runs once per configuration (a matrix over it):
/// <c>build</c> (only for a split configuration: <c>--pack</c> on the builder) then <c>test</c>,
/// which needs only that build. A matrix job's <c>needs</c> waits for every entry of the matrix
/// it needs; inside one call of a reusable workflow it waits only for its own entry's build,
/// so no configuration's tests wait for another's build. Inputs reach scripts through
/// <c>env:</c> only, never interpolated into <c>run:</c>.
/// </summary>
public static class GithubJobWorkflow
{
    public const string FileName = ".github/workflows/realm-ci-job.yml";

    public static string Write(JobCommand command, string header)
    {
        var settings = command.Settings;
        // Only when ci.yaml names one: a job without an environment must not name an empty one.
        YamlValue? environment = settings.Jobs.Environments.IsEmpty ? null : (YamlValue)"${{ inputs.environment }}";
        var retention = Y.Literal(settings.RetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var inputs = Y.Map(
            ("name", Input("string", "the configuration Id (or shard name)", required: true)),
            ("target", Input("string", "what the test job runs: Test, or Canary (ci.yaml targets)", "Test")),
            ("runner", Input("string", "the test runner's labels, as JSON", required: true)),
            ("build-runner", Input("string", "the builder's labels, as JSON (when pack)", "[]")),
            ("args", Input("string", "the test job's ./build.sh selection", "")),
            ("build-args", Input("string", "the build job's ./build.sh selection (when pack)", "")),
            ("pack", Input("boolean", "build on the builder with --pack, test from the pack", Y.Literal("false"))),
            ("folder", Input("string", "the build job's artifacts folder (when pack)", "")),
            ("packdir", Input("string", "where the test job puts the pack (when pack)", "")),
            ("cache", Input("string", "the cache key prefix of the build", required: true)),
            ("test-cache", Input("string", "the cache key prefix of a test from a pack", required: true)),
            ("empty", Input("string", "set: nothing is selected; the job says so", "")),
            ("timeout-minutes", Input("number", "the test job's time limit", Y.Literal("360"))),
            ("build-timeout-minutes", Input("number", "the build job's time limit", Y.Literal("360"))),
            ("environment", Input("string", "the deployment environment both jobs run in (ci.yaml environments)", "")));
        var build = Y.Map(
            ("name", "build"),
            ("if", "${{ inputs.pack }}"),
            ("runs-on", "${{ fromJSON(inputs.build-runner) }}"),
            ("timeout-minutes", "${{ inputs.build-timeout-minutes }}"),
            ("environment", environment),
            ("env", Y.Map((JobCommand.ArgsVariable, "${{ inputs.build-args }}"), (JobCommand.ArtifactsVariable, "${{ inputs.folder }}"))),
            ("steps", Y.List([.. GithubSteps.Checkout(command), GithubSteps.Program(command), .. GithubSteps.Cache(settings, "${{ inputs.cache }}"),
                Y.Map(("name", "./build.sh --target=Build --pack"), ("run", command.Pack() + "\n")),
                Y.Map(("name", "keep the pack for the test job"), ("uses", GithubSteps.Uses(settings, "upload-artifact")),
                    ("with", Y.Map(("name", "realm-ci-pack-${{ inputs.name }}"), ("path", "${{ inputs.folder }}/*/pack.tar.gz\n"),
                        ("if-no-files-found", "error"), ("retention-days", retention)))),
                Keep(settings, "realm-ci-build-${{ inputs.name }}", "${{ inputs.folder }}", "${{ always() }}", retention)])));
        var artifacts = $"{JobCommand.Artifacts}/${{{{ inputs.name }}}}";
        var test = Y.Map(
            ("name", "test"),
            ("needs", Y.Strings(["build"])),
            // A skipped build (nothing to pack) must not skip the tests; a failed one fails only this configuration.
            ("if", "${{ !cancelled() && needs.build.result != 'failure' }}"),
            ("runs-on", "${{ fromJSON(inputs.runner) }}"),
            ("timeout-minutes", "${{ inputs.timeout-minutes }}"),
            ("environment", environment),
            ("env", Y.Map((JobCommand.ArgsVariable, "${{ inputs.args }}"), (JobCommand.ArtifactsVariable, artifacts), ("REALM_CI_EMPTY", "${{ inputs.empty }}"), (JobCommand.TargetVariable, "${{ inputs.target }}"))),
            ("steps", Y.List([.. GithubSteps.Checkout(command), GithubSteps.Program(command),
                .. GithubSteps.Cache(settings, "${{ inputs.pack && inputs.test-cache || inputs.cache }}"),
                Y.Map(("name", "nothing to run"), ("if", "${{ inputs.empty != '' }}"), ("run", "echo \"$REALM_CI_EMPTY\"\n")),
                Y.Map(("name", "the pack built on the builder"), ("if", "${{ inputs.pack }}"), ("uses", GithubSteps.Uses(settings, "download-artifact")),
                    ("with", Y.Map(("name", "realm-ci-pack-${{ inputs.name }}"), ("path", "${{ inputs.packdir }}")))),
                Y.Map(("name", "./build.sh --target=${{ inputs.target }}"), ("if", "${{ inputs.empty == '' }}"), ("run", command.RunAnyTarget() + "\n")),
                Keep(settings, "realm-ci-${{ inputs.name }}", artifacts, "${{ always() && inputs.empty == '' }}", retention)])));
        return YamlText.Write(Y.Map(
            ("name", "realm-ci job"),
            ("on", Y.Map(("workflow_call", Y.Map(("inputs", inputs))))),
            ("permissions", Y.Map(("contents", "read"))),
            ("jobs", Y.Map(("build", build), ("test", test)))), header);
    }

    private static YamlMap Input(string type, string description, YamlValue? fallback = null, bool required = false) =>
        Y.Map(("description", description), ("type", type), ("required", required ? Y.Literal("true") : null), ("default", required ? null : fallback));

    private static YamlMap Keep(CiSettings settings, string name, string folder, string condition, YamlValue retention) =>
        Y.Map(("name", "keep logs, JUnit, result.json, reproduce.sh"), ("if", condition), ("uses", GithubSteps.Uses(settings, "upload-artifact")),
            ("with", Y.Map(("name", name), ("path", string.Join("\n", JobCommand.KeptFiles(folder)) + "\n"), ("if-no-files-found", "ignore"), ("retention-days", retention))));
}
