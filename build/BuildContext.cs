using System.Collections.Immutable;
using Cake.Core;
using System.Globalization;
using RealmCi.Errors;
using RealmCi.Execution;
using RealmCi.Matrix;
using Spectre.Console;

namespace RealmCi.Build;

/// <summary>
/// The typed options of one run, resolved once, top to bottom: built-in default →
/// cake.config (<c>[RealmCi]</c> section, or <c>CAKE_REALMCI_*</c> variables) → command line.
/// </summary>
public sealed class BuildContext : CakeContextAdapter
{
    public BuildContext(ICakeContext context, string root, IAnsiConsole output, Stream standardOutput, CancellationToken cancellation = default) : base(context)
    {
        Cancellation = cancellation;
        Root = root;
        Output = output;
        StandardOutput = standardOutput;
        MatrixFile = Path(Setting("matrix", "Matrix") ?? "matrix/realm.yaml", fromConfig: Argument("matrix") is null);
        Format = Argument("format") switch
        {
            null or "table" => ListingFormat.Table,
            "json" => ListingFormat.Json,
            var other => throw new RealmCiException($"--format={other}: expected table or json"),
        };
        Explain = Argument("explain");
        Selection = new SelectionOptions
        {
            Profile = Profiles.Count > 1 && !string.Equals(Argument("target"), "Ci", StringComparison.OrdinalIgnoreCase)
                ? throw new RealmCiException($"--profile is given {Profiles.Count} times; only the Ci target takes several") : Setting("profile", "Profile"),
            Configs = Values("config"),
            Select = Values("select"),
            Skip = Values("skip"),
            Shard = Argument("shard") is { } shard ? Shard.Parse(shard) : null,
            CommandLine = Facets.Empty with
            {
                Cmake = KeyValues("define").ToImmutableSortedDictionary(StringComparer.Ordinal),
                Env = KeyValues("env").ToImmutableSortedDictionary(StringComparer.Ordinal),
            },
        };
    }

    /// <summary>Cancelled by Ctrl-C or SIGTERM.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The folder holding cake.config: relative paths in cake.config start here.</summary>
    public string Root { get; }

    /// <summary>Standard output, for what a target produces (tables, JSON).</summary>
    public IAnsiConsole Output { get; }

    public Stream StandardOutput { get; }

    public string MatrixFile { get; }

    public ListingFormat Format { get; }

    public string? Explain { get; }

    public SelectionOptions Selection { get; }

    /// <summary>Every --profile given (the Ci target generates one pipeline each).</summary>
    public IReadOnlyList<string> Profiles => Values("profile");

    /// <summary>Set by a target that ran to the end but found failures (exit code 1).</summary>
    public int ExitCode { get; set; }

    public bool Verbose => Log.Verbosity >= Cake.Core.Diagnostics.Verbosity.Verbose;

    /// <summary>A live view in a terminal; plain timestamped lines in CI logs, pipes and files.</summary>
    public bool Live => Output.Profile.Capabilities.Interactive && !System.Console.IsOutputRedirected
        && System.Environment.GetEnvironmentVariable("CI") is null or "" && !Verbose;

    /// <summary>The results folder: --artifacts, else cake.config, else ./artifacts.</summary>
    public string Artifacts => Argument("artifacts") is { } a ? Path(a, false) : Path(Setting("artifacts", "Artifacts") ?? "artifacts", true);

    /// <summary>Persistent caches (ccache, clones): cake.config Cache, else $XDG_CACHE_HOME/realm-ci.</summary>
    public string Cache => Configuration.GetValue("RealmCi_Cache") is { Length: > 0 } c ? Path(c, true)
        : System.IO.Path.Combine(System.Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } x ? x
            : System.IO.Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".cache"), "realm-ci");

    public ExecutorKind Executor => (Setting("executor", "Executor") ?? "auto") switch
    {
        "auto" => ExecutorKind.Auto,
        "docker" => ExecutorKind.Docker,
        "host" => ExecutorKind.Host,
        var other => throw new RealmCiException($"--executor={other}: expected auto, docker or host"),
    };

    public bool Pull => (Setting("pull", "Pull") ?? "missing") switch
    {
        "missing" => true,
        "never" => false,
        var other => throw new RealmCiException($"--pull={other}: expected missing or never"),
    };

    /// <summary>The pipeline's options; resolves (and if needed clones) the source.</summary>
    public async Task<PipelineOptions> PipelineAsync(bool runTests)
    {
        var given = Argument("realm-source") is { } s ? Path(s, false)
            : System.Environment.GetEnvironmentVariable("REALM_SOURCE") is { Length: > 0 } env ? Path(env, false)
            : Setting("realm-source", "RealmSource") is { } configured ? Path(configured, true) : null;
        var project = MatrixLoader.LoadSource(MatrixFile); // the matrix file's source section: repository, ref, where the project is
        var source = await SourceLocator.ResolveAsync(given, Cache, Setting("realm-repository", "RealmRepository") ?? project.Repository,
            Setting("realm-ref", "RealmRef") ?? project.Ref, project, line => Output.WriteLine(line), Cancellation);
        return new PipelineOptions
        {
            Source = source.Root,
            SourceSubdir = source.Subdir,
            Artifacts = Artifacts,
            Cache = Cache,
            Executor = Executor,
            Pull = Pull,
            Parallel = Number("parallel", 1),
            Jobs = Number("jobs", 1),
            FailFast = Flag("fail-fast"),
            Force = Flag("force") || Flag("pack") || Argument("from-pack") is not null, // a pack needs the tree; a pack's tests really run
            RunTests = runTests,
            Pack = Flag("pack"),
            FromPack = Argument("from-pack") is { } pack ? Path(pack, false) : null,
            StepTimeout = Number("step-timeout", 1) is { } minutes ? TimeSpan.FromMinutes(minutes) : null,
            ReproducePrefix = $"./build.sh --target={(runTests ? "Test" : "Build")} --realm-source={source.Root}",
            MatrixFile = MatrixFile,
            CommandLineDefines = Selection.CommandLine.Cmake,
            CommandLineEnv = Selection.CommandLine.Env,
            ArtifactsArgument = Argument("artifacts") is null ? null : Artifacts,
        };
    }

    /// <summary>The Release target's options: --tag, --dry-run, --replace, --allow-missing, --consumer (default: consumer/ beside the matrix file).</summary>
    public RealmCi.Release.ReleaseOptions Release(string repository, string project) => new()
    {
        Tag = Argument("tag") ?? throw new RealmCiException("--target=Release needs --tag=TAG"),
        Repository = repository,
        Project = project,
        Consumer = Argument("consumer") is { } consumer ? Path(consumer, false) : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(MatrixFile)!, "consumer"),
        DryRun = Flag("dry-run"),
        Replace = Flag("replace"),
        AllowMissing = Values("allow-missing"),
    };

    private bool Flag(string name) => Argument(name) is { } text && text is not ("false" or "0" or "no");

    private int? Number(string name, int min) => Argument(name) switch
    {
        null => null,
        var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min => n,
        var text => throw new RealmCiException($"--{name}={text}: expected a whole number ≥ {min}"),
    };

    public string? Argument(string name) => Arguments.HasArgument(name) ? Arguments.GetArguments(name).Last() : null;

    private ImmutableArray<string> Values(string name) =>
        Arguments.HasArgument(name) ? [.. Arguments.GetArguments(name)] : [];

    private string? Setting(string argument, string configKey) =>
        Argument(argument) ?? (Configuration.GetValue($"RealmCi_{configKey}") is { Length: > 0 } value ? value : null);

    /// <summary>An absolute path; relative ones start at cake.config's folder (settings) or here (command line). A leading ~/ is the home folder.</summary>
    private string Path(string path, bool fromConfig)
    {
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
            path = System.IO.Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), path.TrimStart('~').TrimStart('/'));
        return System.IO.Path.GetFullPath(path, fromConfig ? Root : System.Environment.CurrentDirectory);
    }

    private IEnumerable<KeyValuePair<string, string>> KeyValues(string name) => Values(name).Select(text =>
    {
        var eq = text.IndexOf('=');
        if (eq <= 0) throw new RealmCiException($"--{name}={text}: expected KEY=VALUE");
        return KeyValuePair.Create(text[..eq], text[(eq + 1)..]);
    });
}
