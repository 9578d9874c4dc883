using System.Collections.Immutable;
using RealmCi.Execution;

namespace RealmCi.Ci;

/// <summary>
/// The <c>./build.sh</c> command every generated job runs — the one a developer types — and
/// where its pieces live in a CI checkout. With <c>realm-ci: { repository: self }</c> the
/// repository CI runs in is realm-ci; otherwise CI checks out the code under test and clones
/// realm-ci at the pinned revision into <c>.realm-ci/</c>.
/// </summary>
public sealed record JobCommand(CiSettings Settings, string MatrixPath, string? Pin, string Profile)
{
    public const string Artifacts = "realm-ci-artifacts";
    public const string Status = "realm-ci-status";
    public const string ArgsVariable = "REALM_CI_ARGS";

    /// <summary>The job's artifacts folder, passed through the environment (GitHub: never interpolated into a script).</summary>
    public const string ArtifactsVariable = "REALM_CI_ARTIFACTS";

    /// <summary>Build once, test many: the build job's artifacts folder, whose packs the test job downloads.</summary>
    public const string Packs = "realm-ci-packs";

    public bool Self => Settings.Repository == "self";

    /// <summary>Where realm-ci's <c>build.sh</c> is, from the checkout's root.</summary>
    public string BuildSh => Self ? "./build.sh" : "./.realm-ci/build.sh";

    /// <summary>The matrix file, from the checkout's root.</summary>
    public string Matrix => Self ? MatrixPath : ".realm-ci/" + MatrixPath;

    /// <summary>The artifact the plan job leaves: realm-ci's compiled build program, so no other job compiles it.</summary>
    public const string ProgramArtifact = "realm-ci-program";

    /// <summary>Where build.sh keeps the compiled build program (with its stamp and digest), from the checkout's root.</summary>
    public string ProgramFolder => (Self ? "" : ".realm-ci/") + "build/bin/front-door";

    /// <summary>
    /// Clone realm-ci at its pinned revision (nothing when realm-ci is the repository itself). The
    /// clone goes beside and its .git is moved in: the handed-over build program may already be in
    /// <c>.realm-ci/build/bin/</c> (an artifact is unpacked before the script), where a clone would refuse.
    /// </summary>
    public ImmutableArray<string> Fetch => Self ? [] :
    [
        ShellQuote.Join(["git", "clone", "--quiet", "--no-checkout", Settings.Repository, ".realm-ci-clone"]),
        "mkdir -p .realm-ci && mv .realm-ci-clone/.git .realm-ci/.git && rmdir .realm-ci-clone",
        ShellQuote.Join(["git", "-C", ".realm-ci", "checkout", "--quiet", PinOrThrow]),
    ];

    public string PinOrThrow => Pin ?? throw new Errors.RealmCiException("ci.yaml: realm-ci.repository is a URL but no revision to pin: set realm-ci.ref, or run from a git checkout of realm-ci");

    /// <summary>The test command for one job; the job's selection follows in <c>$REALM_CI_ARGS</c>, its artifacts folder is <paramref name="artifactsFolder"/> (null: <c>$REALM_CI_ARTIFACTS</c>).</summary>
    public string Run(string? artifactsFolder = null) => Command([$"--target={Settings.TargetOf(Profile)}"], artifactsFolder);

    /// <summary>GitHub's job workflow serves every profile: its target comes from the caller, through <c>$REALM_CI_TARGET</c>.</summary>
    public const string TargetVariable = "REALM_CI_TARGET";

    public string RunAnyTarget() => Command([$"--target=${TargetVariable}"], null).Replace(ShellQuote.Quote($"--target=${TargetVariable}"), $"\"--target=${TargetVariable}\"", StringComparison.Ordinal);

    /// <summary>The tag being released, passed through the environment (GitHub <c>github.ref_name</c>, GitLab <c>$CI_COMMIT_TAG</c>).</summary>
    public const string TagVariable = "REALM_CI_TAG";

    /// <summary>Where the release job writes: its release folder is <c>{ReleaseArtifacts}/release/VERSION/</c>.</summary>
    public const string ReleaseArtifacts = "realm-ci-artifacts/release";

    /// <summary>The release job's command: the tag from <c>$REALM_CI_TAG</c>, the profile's selection from <c>$REALM_CI_ARGS</c>.</summary>
    public string Release() => Command(["--target=Release"], ReleaseArtifacts).Replace(" $" + ArgsVariable, $" \"--tag=${TagVariable}\" ${ArgsVariable}", StringComparison.Ordinal);

    /// <summary>The build-once command: build the job's one configuration and pack it into the artifacts folder's ID/pack.tar.gz.</summary>
    public string Pack(string? packsFolder = null) => Command(["--target=Build", "--pack"], packsFolder);

    /// <summary>The jobs' <c>--realm-source</c>: ci.yaml's source, else the checkout (none when the repository is realm-ci itself: it clones Realm).</summary>
    private string[] SourceArgs => Settings.Source is { } s ? [$"--realm-source={s}"] : Self ? [] : ["--realm-source=."];

    private string Command(string[] target, string? folder) =>
        ShellQuote.Join([BuildSh, .. target, $"--matrix={Matrix}",
            .. SourceArgs,
            .. Settings.Args])
        + (folder is null ? $" \"--artifacts=${ArtifactsVariable}\"" : " " + ShellQuote.Quote($"--artifacts={folder}")) + " $" + ArgsVariable;

    /// <summary>The command that computes the job list at run time (dynamic mode).</summary>
    /// <remarks>With the jobs' source, whose facts leave out the configurations it cannot be built in (a matrix override's <c>unsupported:</c>).</remarks>
    public string Plan(string platform, Trust trust = Trust.Trusted) =>
        ShellQuote.Join([BuildSh, "--target=Ci", $"--ci={platform}", "--plan", $"--profile={Profile}", $"--matrix={Matrix}", .. SourceArgs,
            .. trust == Trust.Untrusted ? ["--untrusted"] : Array.Empty<string>()]);

    /// <summary>
    /// GitHub's cache key prefix for one job (a configuration Id, or a shard's name): a day is
    /// appended, and restoring falls back to this prefix's newest entry. '/' never occurs in an
    /// Id, so one configuration's prefix never matches another's (<c>cpu/</c> vs <c>cpu-dim4/</c>).
    /// No matrix hash: the result cache's own key decides what is reused, and ccache is content-addressed.
    /// </summary>
    public static string GithubCacheKey(string job) => $"realm-ci/{job}/";

    /// <summary>The test-from-pack job's own prefix (the pack is its build; it keeps only the result cache): another first segment, so no build prefix matches it.</summary>
    public static string GithubTestCacheKey(string job) => $"realm-ci-test/{job}/";

    /// <summary>GitLab's cache key for one job: exact (GitLab keys cannot hold '/'; one entry per key, replaced by each save).</summary>
    public static string GitlabCacheKey(string job) => $"realm-ci-{job}";

    /// <summary>GitLab's key for a test-from-pack job's result cache ('+' never occurs in an Id, so no configuration's key equals it).</summary>
    public static string GitlabTestCacheKey(string job) => $"realm-ci+test-{job}";

    /// <summary>What each job keeps for people and for reports (never the build trees).</summary>
    public static ImmutableArray<string> KeptFiles(string folder) =>
        [$"{folder}/**/*.log", $"{folder}/**/junit.xml", $"{folder}/**/result.json", $"{folder}/**/reproduce.sh", $"{folder}/**/Dockerfile", $"{folder}/summary.*"];

    public static string EmptyMessage(string profile, string description) =>
        $"realm-ci: profile {profile} selects no configuration ({description}); nothing to run";
}
