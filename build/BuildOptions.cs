namespace RealmCi.Build;

/// <summary>One command-line option: how it is written, what it means, and its shape.</summary>
public sealed record BuildOption(string Name, string ValueHint, string Description, bool IsFlag = false, bool Repeatable = false);

/// <summary>Every option the program accepts, in the order <c>--help</c> shows them.</summary>
public static class BuildOptions
{
    public static readonly IReadOnlyList<BuildOption> All =
    [
        new("target", "NAME", "Target to run (default: set in Program.cs); see --description"),
        new("verbosity", "LEVEL", "quiet, minimal, normal (default), verbose or diagnostic"),
        new("description", "", "List the targets with their descriptions", IsFlag: true),
        new("help", "", "Show this help", IsFlag: true),
        new("matrix", "FILE", "Matrix file (default: cake.config [RealmCi] Matrix, else matrix/realm.yaml)"),
        new("profile", "NAME", "Profile (tier) to select (default: the file's default-profile; the Ci target takes several)", Repeatable: true),
        new("config", "ID", "Select one configuration by Id (repeatable; overrides --profile)", Repeatable: true),
        new("select", "GLOB", "Keep only Ids matching the glob (repeatable)", Repeatable: true),
        new("skip", "GLOB", "Leave out Ids matching the glob (repeatable)", Repeatable: true),
        new("shard", "I/N", "Keep shard I of N (1-based) of the selection"),
        new("format", "FORMAT", "Matrix listing format: table (default) or json"),
        new("explain", "ID", "Explain why a configuration is or isn't selected"),
        new("define", "KEY=VALUE", "Extra CMake definition for every selected configuration (repeatable)", Repeatable: true),
        new("env", "KEY=VALUE", "Extra environment variable for every step (repeatable)", Repeatable: true),
        new("realm-source", "PATH", "Realm checkout (or Legion's; default: REALM_SOURCE, cake.config, else a shallow clone)"),
        new("realm-ref", "REF", "Branch or tag to clone when no source is given (default: main)"),
        new("realm-repository", "URL", "Repository to clone when no source is given (default: StanfordLegion/realm on GitHub)"),
        new("artifacts", "DIR", "Results folder (default: cake.config [RealmCi] Artifacts, else artifacts)"),
        new("executor", "KIND", "auto (default: Docker when the engine answers), docker or host"),
        new("pull", "POLICY", "missing (default: pull a base image the engine lacks) or never (bootstrap it instead)"),
        new("jobs", "N", "Configurations at once (default: from cores and memory, two cores each)"),
        new("parallel", "N", "Build and test parallelism per configuration (default: the cores divided among the jobs)"),
        new("fail-fast", "", "Start no configuration after the first failure (running ones finish)", IsFlag: true),
        new("force", "", "Ignore the result cache: rebuild configurations that passed with the same inputs", IsFlag: true),
        new("step-timeout", "MINUTES", "Cap on every step's duration"),
        new("older-than", "DAYS", "Clean: only what was last used more than DAYS days ago"),
        new("remove", "", "Clean: remove what is listed (without it, Clean only shows)", IsFlag: true),
        new("tag", "TAG", "Release: the git tag to release (its version names the release folder)"),
        new("dry-run", "", "Release: print the plan (tag, commit, version, configurations, file names) and build nothing", IsFlag: true),
        new("replace", "", "Release: overwrite an existing artifacts/release/VERSION folder", IsFlag: true),
        new("allow-missing", "GLOB", "Release: configurations (Id glob) whose binary may be missing without failing the release (repeatable)", Repeatable: true),
        new("consumer", "DIR", "Release: the downstream CMake project each binary must serve (default: consumer/ beside the matrix file)"),
        new("ci", "PLATFORM", "Ci target: github or gitlab"),
        new("static", "", "Ci target: write fully expanded files instead of a workflow that computes its jobs at run time", IsFlag: true),
        new("output", "DIR", "Ci target: the repository folder the files go into (default: the current folder)"),
        new("check", "", "Ci target: compare instead of writing; exit 1 with a diff when a file is stale", IsFlag: true),
        new("plan", "", "Ci target: print one profile's job list (GitHub: JSON for fromJSON; GitLab: a child pipeline)", IsFlag: true),
        new("only-available", "", "Leave out configurations this host cannot prepare (registry, internet, sources) before the profile's strategy chooses", IsFlag: true),
        new("downloads", "POLICY", "allow (default) or deny: whether declared sources and requires: internet may be downloaded (cake.config Downloads)"),
        new("sources", "DIR", "Folder of declared source archives (GASNet-EX, UCC), checked against their SHA-256, for hosts without the internet"),
        new("pack", "", "Build/Test: after a passed build, write artifacts/ID/pack.tar.gz (the build tree without object files, with a manifest); Ci --plan: the pack jobs", IsFlag: true),
        new("from-pack", "PATH", "Test: run only the tests from a pack made by --pack (same configuration, image recipe and source)"),
        new("coverage", "", "Test/Canary: build with gcc's coverage instrumentation; gcovr's JSON, HTML and Cobertura XML and realm-ci's coverage.md in each configuration's folder (Canary: and coverage-lost.md)", IsFlag: true),
        new("downstream-source", "NAME=PATH", "Canary: the downstream's source (a checkout or bare repository holding its pinned ref, or a plain folder), repeatable; else a clone", Repeatable: true),
    ];
}
