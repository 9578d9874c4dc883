using Cake.Core;
using RealmCi.Execution;
using RealmCi.Matrix;
using Spectre.Console;

namespace RealmCi.Build;

/// <summary>
/// What a target sees: the resolved <see cref="Settings"/> (validated before any target runs;
/// see <see cref="SettingsResolver"/>), the console, and the run's cancellation. A new option is a
/// property of <see cref="Settings"/>; a member here only when targets need it derived.
/// </summary>
public sealed class BuildContext : CakeContextAdapter
{
    public BuildContext(ICakeContext context, Settings settings, IAnsiConsole output, Stream standardOutput, CancellationToken cancellation = default) : base(context)
    {
        Settings = settings;
        Cancellation = cancellation;
        Output = output;
        StandardOutput = standardOutput;
    }

    /// <summary>Every setting of this run.</summary>
    public Settings Settings { get; }

    /// <summary>Cancelled by Ctrl-C or SIGTERM.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The folder holding cake.config: relative paths in cake.config start here.</summary>
    public string Root => Settings.Root;

    /// <summary>Standard output, for what a target produces (tables, JSON).</summary>
    public IAnsiConsole Output { get; }

    public Stream StandardOutput { get; }

    public string MatrixFile => Settings.MatrixFile;

    public ListingFormat Format => Settings.Format;

    public string? Explain => Settings.Explain;

    public SelectionOptions Selection => Settings.Selection;

    /// <summary>Every --profile given (the Ci target generates one pipeline each).</summary>
    public IReadOnlyList<string> Profiles => Settings.Profiles;

    /// <summary>Set by a target that ran to the end but found failures (exit code 1).</summary>
    public int ExitCode { get; set; }

    public bool Verbose => Settings.Verbosity >= VerbosityLevel.Verbose;

    /// <summary>A live view in a terminal; plain timestamped lines in CI logs, pipes and files.</summary>
    public bool Live => Output.Profile.Capabilities.Interactive && !System.Console.IsOutputRedirected
        && System.Environment.GetEnvironmentVariable("CI") is null or "" && !Verbose;

    /// <summary>The results folder: --artifacts, else cake.config, else ./artifacts.</summary>
    public string Artifacts => Settings.Artifacts;

    /// <summary>Persistent caches (ccache, clones): cake.config Cache, else $XDG_CACHE_HOME/realm-ci.</summary>
    public string Cache => Settings.Cache;

    public ExecutorKind Executor => Settings.Executor;

    public bool Pull => Settings.Pull;

    /// <summary>
    /// The selection options with what this host offers (<see cref="HostOfferProbe"/>): the engine's
    /// images, debootstrap, GPUs, declared sources on disk, and the --pull / --downloads settings.
    /// With the host executor nothing is probed (no images to prepare). --only-available filters
    /// by it before the coverage strategy; every selected configuration gets its availability.
    /// </summary>
    public async Task<SelectionOptions> SelectionWithOfferAsync(MatrixDefinition matrix)
    {
        if (Executor == ExecutorKind.Host) return Selection with { OnlyAvailable = false };
        var engine = new RealmCi.Containers.DockerEngine();
        RealmCi.Containers.IContainerEngine? reachable = engine;
        try { await engine.PingAsync(Cancellation); }
        catch (RealmCi.Containers.EngineUnavailableException) { reachable = null; }
        var offer = await HostOfferProbe.ProbeAsync(matrix, reachable, Pull, Settings.Downloads, SourceCache(), Cancellation);
        return Selection with { Offer = offer, OnlyAvailable = Settings.OnlyAvailable };
    }

    /// <summary>Declared source archives: --sources=DIR first, then the cache's sources folder.</summary>
    public RealmCi.Sources.SourceCache SourceCache() => new(RealmCi.Sources.SourceCache.DefaultFolder(Cache), Settings.SourcesFolder, Settings.Downloads,
        new RealmCi.Sources.HttpSourceDownloader());

    /// <summary>The pipeline's options; resolves (and if needed clones) the source.</summary>
    public async Task<PipelineOptions> PipelineAsync(bool runTests)
    {
        var project = MatrixLoader.LoadSource(MatrixFile); // the matrix file's source section: repository, ref, where the project is
        var source = await SourceLocator.ResolveAsync(Settings.RealmSource, Cache, Settings.RealmRepository ?? project.Repository,
            Settings.RealmRef ?? project.Ref, project, line => Output.WriteLine(line), Cancellation);
        return new PipelineOptions
        {
            Source = source.Root,
            SourceSubdir = source.Subdir,
            Artifacts = Artifacts,
            Cache = Cache,
            Executor = Executor,
            Pull = Pull,
            Parallel = Settings.Parallel,
            Jobs = Settings.Jobs,
            FailFast = Settings.FailFast,
            Force = Settings.Force || Settings.Pack || Settings.FromPack is not null, // a pack needs the tree; a pack's tests really run
            RunTests = runTests,
            Pack = Settings.Pack,
            FromPack = Settings.FromPack,
            Coverage = Settings.Coverage && runTests,
            StepTimeout = Settings.StepTimeout,
            ReproducePrefix = $"./build.sh --target={(runTests ? "Test" : "Build")} --realm-source={source.Root}",
            MatrixFile = MatrixFile,
            CommandLineDefines = Selection.CommandLine.Cmake,
            CommandLineEnv = Selection.CommandLine.Env,
            ArtifactsArgument = Argument("artifacts") is null ? null : Artifacts,
            DownloadsAllowed = Settings.Downloads,
            SourcesFolder = Settings.SourcesFolder,
        };
    }

    /// <summary>The Release target's options: --tag, --dry-run, --replace, --allow-missing, --consumer (default: consumer/ beside the matrix file).</summary>
    public RealmCi.Release.ReleaseOptions Release(string repository, string project) => new()
    {
        Tag = Settings.Tag ?? throw new RealmCi.Errors.RealmCiException("--target=Release needs --tag=TAG"),
        Repository = repository,
        Project = project,
        Consumer = Settings.Consumer ?? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(MatrixFile)!, "consumer"),
        DryRun = Settings.DryRun,
        Replace = Settings.Replace,
        AllowMissing = Settings.AllowMissing,
    };

    /// <summary>The last value of a command-line option as given (prefer <see cref="Settings"/>: it is validated).</summary>
    public string? Argument(string name) => Arguments.HasArgument(name) ? Arguments.GetArguments(name).Last() : null;
}
