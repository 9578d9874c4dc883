namespace RealmCi.Build;

/// <summary>
/// One command-line option: how it is written, what it means, its shape, and the targets that
/// take it (null: every target). Given on the command line to any other target, it is an error
/// naming these (see <see cref="TargetOptions"/>); cake.config and the environment do not count.
/// </summary>
public sealed record BuildOption(string Name, string ValueHint, string Description, bool IsFlag = false, bool Repeatable = false,
    IReadOnlyList<string>? Targets = null)
{
    public bool AppliesTo(string target) => Targets is null || Targets.Contains(target, StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// Every option the program accepts, in the order <c>--help</c> shows them, each with the targets
/// that take it: a new option (and which targets read it) is one line here plus one in the resolver.
/// </summary>
public static class BuildOptions
{
    // Groups of targets (declared before All: static fields initialise in order).
    private static readonly string[] Selecting = ["Matrix", "Build", "Test", "Images", "Release", "Ci", "Canary"];
    private static readonly string[] Defining = [.. Selecting, "Shell", "Bisect"];
    private static readonly string[] Preparing = ["Matrix", "Build", "Test", "Images", "Shell", "Release", "Bisect", "Canary"];
    private static readonly string[] WithSource = ["Build", "Test", "Shell", "Release", "Bisect", "Canary"];
    private static readonly string[] Running = ["Build", "Test", "Release", "Bisect", "Canary"];
    private static readonly string[] Writing = ["Build", "Test", "Images", "Shell", "Release", "Clean", "Bisect", "Canary"];
    private static readonly string[] Executing = ["Matrix", "Build", "Test", "Release", "Clean", "Bisect", "Canary"];

    public static readonly IReadOnlyList<BuildOption> All =
    [
        new("target", "NAME", "Target to run (default: set in Program.cs); see --description"),
        new("verbosity", "LEVEL", "quiet, minimal, normal (default), verbose or diagnostic"),
        new("description", "", "List the targets with their descriptions", IsFlag: true),
        new("help", "", "Show this help (also -h)", IsFlag: true),
        new("version", "", "Print realm-ci's version", IsFlag: true),
        new("matrix", "FILE", "Matrix file (default: cake.config [RealmCi] Matrix, else matrix/realm.yaml)", Targets: Defining),
        new("profile", "NAME", "Profile (tier) to select (default: the file's default-profile; the Ci target takes several)", Repeatable: true, Targets: Selecting),
        new("config", "ID", "Select one configuration by Id (repeatable; overrides --profile)", Repeatable: true, Targets: Defining),
        new("select", "GLOB", "Keep only Ids matching the glob (repeatable)", Repeatable: true, Targets: [.. Selecting, "Flaky"]),
        new("skip", "GLOB", "Leave out Ids matching the glob (repeatable)", Repeatable: true, Targets: [.. Selecting, "Flaky"]),
        new("shard", "I/N", "Keep shard I of N (1-based) of the selection", Targets: Selecting),
        new("format", "FORMAT", "Matrix and Flaky listing format: table (default) or json", Targets: ["Matrix", "Flaky"]),
        new("explain", "ID", "Explain why a configuration is or isn't selected", Targets: ["Matrix"]),
        new("define", "KEY=VALUE", "Extra CMake definition for every selected configuration (repeatable)", Repeatable: true, Targets: Defining),
        new("env", "KEY=VALUE", "Extra environment variable for every step (repeatable)", Repeatable: true, Targets: Defining),
        new("realm-source", "PATH", "Realm checkout (or Legion's; default: REALM_SOURCE, cake.config, else a clone with history and tags); Matrix --explain: the checkout whose facts decide conditional overrides; Ci --plan: the checkout whose facts leave out configurations it cannot be built in", Targets: [.. WithSource, "Matrix", "Ci"]),
        new("realm-ref", "REF", "Branch or tag to clone when no source is given (default: the matrix file's source section)", Targets: WithSource),
        new("realm-repository", "URL", "Repository to clone when no source is given (default: the matrix file's source section)", Targets: WithSource),
        new("artifacts", "DIR", "Results folder (default: cake.config [RealmCi] Artifacts, else artifacts)", Targets: Writing),
        new("executor", "KIND", "auto (default: Docker when the engine answers), docker or host", Targets: Executing),
        new("pull", "POLICY", "missing (default: pull a base image the engine lacks) or never (bootstrap it instead)", Targets: Preparing),
        new("jobs", "N", "Configurations at once (default: from cores and memory, two cores each)", Targets: Running),
        new("parallel", "N", "Build and test parallelism per configuration (default: the cores divided among the jobs)", Targets: Running),
        new("fail-fast", "", "Start no configuration after the first failure (running ones finish)", IsFlag: true, Targets: Running),
        new("force", "", "Ignore the result cache: rebuild configurations that passed with the same inputs; Ci: replace a hand-written .gitlab-ci.yml", IsFlag: true, Targets: [.. Running, "Ci"]),
        new("step-timeout", "MINUTES", "Cap on every step's duration", Targets: Running),
        new("older-than", "DAYS", "Only what was last used more than DAYS days ago", Targets: ["Clean"]),
        new("remove", "", "Remove what is listed (without it, Clean only shows)", IsFlag: true, Targets: ["Clean"]),
        new("tag", "TAG", "The git tag to release (its version names the release folder)", Targets: ["Release"]),
        new("dry-run", "", "Print the plan (tag, commit, version, configurations, file names) and build nothing", IsFlag: true, Targets: ["Release"]),
        new("replace", "", "Overwrite an existing artifacts/release/VERSION folder", IsFlag: true, Targets: ["Release"]),
        new("allow-missing", "GLOB", "Configurations (Id glob) whose binary may be missing without failing the release (repeatable)", Repeatable: true, Targets: ["Release"]),
        new("consumer", "DIR", "The downstream CMake project each binary must serve (default: consumer/ beside the matrix file)", Targets: ["Release"]),
        new("ci", "PLATFORM", "github or gitlab", Targets: ["Ci"]),
        new("static", "", "Write fully expanded files instead of a workflow that computes its jobs at run time", IsFlag: true, Targets: ["Ci"]),
        new("output", "DIR", "The repository folder the files go into (default: the current folder)", Targets: ["Ci"]),
        new("check", "", "Compare instead of writing; exit 1 with a diff when a file is stale", IsFlag: true, Targets: ["Ci"]),
        new("plan", "", "Print one profile's job list (GitHub: $GITHUB_OUTPUT lines, a matrix per kind of job; GitLab: a child pipeline)", IsFlag: true, Targets: ["Ci"]),
        new("untrusted", "", "Ci --plan: the pipeline runs code nobody approved (a pull/merge request): leave out every job on a self-hosted runner", IsFlag: true, Targets: ["Ci"]),
        new("only-available", "", "Leave out configurations this host cannot prepare (registry, internet, sources) before the profile's strategy chooses", IsFlag: true, Targets: ["Matrix", "Build", "Test"]),
        new("downloads", "POLICY", "allow (default) or deny: whether declared sources and requires: internet may be downloaded (cake.config Downloads)", Targets: Preparing),
        new("sources", "DIR", "Folder of declared source archives (GASNet-EX, UCC), checked against their SHA-256, for hosts without the internet", Targets: Preparing),
        new("pack", "", "After a passed build, write artifacts/ID/pack.tar.gz (the build tree without object files, with a manifest)", IsFlag: true, Targets: ["Build", "Test"]),
        new("from-pack", "PATH", "Run only the tests from a pack made by --pack (same configuration, image recipe and source)", Targets: ["Test"]),
        new("good", "REF", "A commit where the test passes", Targets: ["Bisect"]),
        new("bad", "REF", "A later commit where it fails", Targets: ["Bisect"]),
        new("test", "NAME|REGEX", "The test that decides good or bad (default: the bad commit's first failing test)", Targets: ["Bisect"]),
        new("downstream", "NAME", "Bisect: the downstream's test decides (each candidate is a canary of it, e.g. Legion); NAME may be left out when the matrix file has one", IsFlag: true, Targets: ["Bisect"]),
        new("rerun-failures", "N", "Rerun each failed test up to N times in the same image and build tree; one that then passes is flaky (cake.config RerunFailures; default 0)", Targets: ["Test", "Bisect"]),
        new("flaky", "POLICY", "pass (default: a flaky test passes its configuration with a WARNING) or fail (cake.config Flaky)", Targets: ["Test", "Bisect"]),
        new("history", "MODE", "auto (default: write unless a GitHub pull request or a GitLab merge request / unprotected ref), write, read or off: whether this run adds its test outcomes to the cache's flakiness history, which the summary quotes and --target=Flaky lists (cake.config History)", Targets: ["Test"]),
        new("downstream-source", "NAME=PATH", "The downstream's source (a checkout or bare repository holding its pinned ref, or a plain folder), repeatable; else a clone", Repeatable: true, Targets: ["Canary", "Bisect"]),
        new("warnings", "POLICY", "report (default) or fail: what a compiler warning (file, line, flag) not in the baseline does", Targets: ["Build", "Test"]),
        new("warnings-baseline", "FILE", "The warnings to compare with (default: the previous full build of the same configuration)", Targets: ["Build", "Test"]),
        new("abi-baseline", "REF", "Check the shared library's ABI against REF (a commit, tag or branch of the source): each configuration built shared with -g, REF built the same way from a clone; the verdict and abi-report.html in each configuration's folder; incompatible fails it", Targets: ["Build", "Test"]),
        new("coverage", "", "Build with gcc's coverage instrumentation; gcovr's JSON, HTML and Cobertura XML and realm-ci's coverage.md in each configuration's folder (Canary: and coverage-lost.md)", IsFlag: true, Targets: ["Test", "Canary"]),
    ];
}
