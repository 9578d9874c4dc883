namespace RealmCi.Ci;

/// <summary>The steps every GitHub job shares: checkout without a persisted token, the pinned actions, the job-private cache folder.</summary>
public static class GithubSteps
{
    /// <summary>The major tags used when ci.yaml has no <c>actions:</c> table (the file's header then says the actions are not pinned).</summary>
    private static readonly Dictionary<string, string> Unpinned = new()
    {
        ["checkout"] = "actions/checkout@v4", ["cache"] = "actions/cache@v4",
        ["upload-artifact"] = "actions/upload-artifact@v4", ["download-artifact"] = "actions/download-artifact@v4",
        ["attest-build-provenance"] = "actions/attest-build-provenance@v4",
    };

    /// <summary>The actions the generated workflows use: the keys of ci.yaml's <c>actions:</c>.</summary>
    public static readonly string[] Actions = ["checkout", "cache", "upload-artifact", "download-artifact", "attest-build-provenance"];

    public static YamlScalar Uses(CiSettings settings, string action) => settings.Actions.TryGetValue(action, out var pin)
        ? new YamlScalar(pin.Uses) { Comment = pin.Version }
        : new YamlScalar(Unpinned[action]);

    public static bool Pinned(CiSettings settings) => Unpinned.Keys.All(settings.Actions.ContainsKey);

    public static IEnumerable<YamlValue> Checkout(JobCommand command) =>
    [
        // fetch-depth 0 + filter blob:none: every commit and tag without old file contents, which the code
        // under test needs for its version (git describe; realm-ci refuses a shallow checkout before configuring).
        Y.Map(("name", "checkout"), ("uses", Uses(command.Settings, "checkout")),
            ("with", Y.Map(("persist-credentials", Y.Literal("false")), ("fetch-depth", Y.Literal("0")), ("filter", "blob:none")))),
        .. command.Self ? Array.Empty<YamlValue>() :
        [
            Y.Map(("name", "realm-ci at its pinned revision"), ("uses", Uses(command.Settings, "checkout")),
                ("with", Y.Map(("repository", RepositoryName(command.Settings.Repository)), ("ref", command.PinOrThrow), ("path", ".realm-ci"), ("persist-credentials", Y.Literal("false"))))),
        ],
    ];

    /// <summary>The plan job's compiled build program, put where build.sh looks: its digest of the sources lets it run without compiling.</summary>
    public static YamlMap Program(JobCommand command) =>
        Y.Map(("name", "the build program the plan job compiled"), ("uses", Uses(command.Settings, "download-artifact")),
            ("with", Y.Map(("name", JobCommand.ProgramArtifact), ("path", command.ProgramFolder))));

    /// <summary>The plan job hands its compiled build program to every job (hidden files too: the stamp and the digest).</summary>
    public static YamlMap KeepProgram(JobCommand command) =>
        Y.Map(("name", "hand the compiled build program to every job"), ("uses", Uses(command.Settings, "upload-artifact")),
            ("with", Y.Map(("name", JobCommand.ProgramArtifact), ("path", command.ProgramFolder + "/"), ("include-hidden-files", Y.Literal("true")),
                ("if-no-files-found", "error"), ("retention-days", Y.Literal("1")))));

    /// <summary>
    /// realm-ci's cache folder inside <c>$RUNNER_TEMP</c> (emptied before and after every job), so
    /// nothing a job writes outlives it on a self-hosted machine: only the platform's
    /// ref-scoped cache carries ccache and results between runs. Also the day for the cache key.
    /// </summary>
    public static IEnumerable<YamlValue> Cache(CiSettings settings, string keyPrefix) =>
    [
        Y.Map(("id", "cache-folder"), ("name", "a cache folder private to this job"),
            ("run", "echo \"XDG_CACHE_HOME=$RUNNER_TEMP/realm-ci-cache\" >> \"$GITHUB_ENV\"\necho \"day=$(date -u +%F)\" >> \"$GITHUB_OUTPUT\"\n")),
        Y.Map(("name", "ccache and the result cache"), ("uses", Uses(settings, "cache")),
            ("with", Y.Map(("path", "${{ runner.temp }}/realm-ci-cache/realm-ci"),
                ("key", keyPrefix + "${{ steps.cache-folder.outputs.day }}"), ("restore-keys", keyPrefix)))),
    ];

    /// <summary>actions/checkout wants owner/name: taken from a GitHub URL, else the text as given.</summary>
    private static string RepositoryName(string repository)
    {
        const string prefix = "https://github.com/";
        var name = repository.StartsWith(prefix, StringComparison.Ordinal) ? repository[prefix.Length..] : repository;
        return name.EndsWith(".git", StringComparison.Ordinal) ? name[..^4] : name;
    }
}
