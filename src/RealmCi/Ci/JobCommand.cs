using System.Collections.Immutable;
using RealmCi.Execution;

namespace RealmCi.Ci;

/// <summary>
/// The <c>./build.sh</c> command every generated job runs — the one a developer types — and
/// where its pieces live in a CI checkout. With <c>realm-ci: { repository: self }</c> the
/// repository CI runs in is realm-ci; otherwise CI checks out the code under test and clones
/// realm-ci at the pinned revision into <c>.realm-ci/</c>.
/// </summary>
public sealed record JobCommand(CiSettings Settings, string MatrixPath, string MatrixHash, string? Pin, string Profile)
{
    public const string Artifacts = "realm-ci-artifacts";
    public const string Status = "realm-ci-status";
    public const string ArgsVariable = "REALM_CI_ARGS";

    /// <summary>Build once, test many: the build job's artifacts folder, whose packs the test job downloads.</summary>
    public const string Packs = "realm-ci-packs";

    public bool Self => Settings.Repository == "self";

    /// <summary>Where realm-ci's <c>build.sh</c> is, from the checkout's root.</summary>
    public string BuildSh => Self ? "./build.sh" : "./.realm-ci/build.sh";

    /// <summary>The matrix file, from the checkout's root.</summary>
    public string Matrix => Self ? MatrixPath : ".realm-ci/" + MatrixPath;

    /// <summary>Clone realm-ci at its pinned revision (nothing when realm-ci is the repository itself).</summary>
    public ImmutableArray<string> Fetch => Self ? [] :
    [
        ShellQuote.Join(["git", "clone", "--quiet", Settings.Repository, ".realm-ci"]),
        ShellQuote.Join(["git", "-C", ".realm-ci", "checkout", "--quiet", PinOrThrow]),
    ];

    public string PinOrThrow => Pin ?? throw new Errors.RealmCiException("ci.yaml: realm-ci.repository is a URL but no revision to pin: set realm-ci.ref, or run from a git checkout of realm-ci");

    /// <summary>The test command for one job; the job's selection follows in <c>$REALM_CI_ARGS</c>.</summary>
    public string Run(string artifactsFolder) =>
        ShellQuote.Join([BuildSh, "--target=Test", $"--matrix={Matrix}",
            .. Settings.Source is { } s ? [$"--realm-source={s}"] : Self ? Array.Empty<string>() : ["--realm-source=."],
            .. Settings.Args, $"--artifacts={artifactsFolder}"]) + " $" + ArgsVariable;

    /// <summary>The build-once command: build the job's one configuration and pack it into <paramref name="packsFolder"/>/ID/pack.tar.gz.</summary>
    public string Pack(string packsFolder) =>
        ShellQuote.Join([BuildSh, "--target=Build", "--pack", $"--matrix={Matrix}",
            .. Settings.Source is { } s ? [$"--realm-source={s}"] : Self ? Array.Empty<string>() : ["--realm-source=."],
            .. Settings.Args, $"--artifacts={packsFolder}"]) + " $" + ArgsVariable;

    /// <summary>The command that computes the job list at run time (dynamic mode).</summary>
    public string Plan(string platform) =>
        ShellQuote.Join([BuildSh, "--target=Ci", $"--ci={platform}", "--plan", $"--profile={Profile}", $"--matrix={Matrix}"]);

    /// <summary>The cache key prefix: the matrix file's content and the job.</summary>
    public string CacheKey(string job) => $"realm-ci-{MatrixHash}-{job}";

    /// <summary>What each job keeps for people and for reports (never the build trees).</summary>
    public static ImmutableArray<string> KeptFiles(string folder) =>
        [$"{folder}/**/*.log", $"{folder}/**/junit.xml", $"{folder}/**/result.json", $"{folder}/**/reproduce.sh", $"{folder}/**/Dockerfile", $"{folder}/summary.*"];

    public static string EmptyMessage(string profile, string description) =>
        $"realm-ci: profile {profile} selects no configuration ({description}); nothing to run";
}
