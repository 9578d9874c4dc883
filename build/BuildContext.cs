using RealmCi.Results;
using RealmCi.Reporting;
using Cake.Core;
using RealmCi.Containers;
using RealmCi.Execution;
using RealmCi.Matrix;
using Spectre.Console;

namespace RealmCi.Build;

/// <summary>
/// What a target sees: the resolved <see cref="Settings"/> (validated before any target runs;
/// see <see cref="SettingsResolver"/>), the host's facts (gathered once by the host layer), the
/// console, and the run's cancellation — and what is made at most once per run from them: the
/// matrix, the engine (disposed with the context), its answer to a ping, the source cache.
/// A new option is a property of <see cref="Settings"/>; a member here only when targets need it derived.
/// </summary>
public sealed class BuildContext : CakeContextAdapter, IDisposable
{
    private ExpandedMatrix? matrix;
    private readonly Lazy<DockerEngine> engine;
    private Task<IContainerEngine?>? reachable;
    private RealmCi.Sources.SourceCache? sources;

    public BuildContext(ICakeContext context, Settings settings, HostFacts host, IAnsiConsole output, Stream standardOutput, CancellationToken cancellation = default)
        : base(context)
    {
        Settings = settings;
        Host = host;
        Cancellation = cancellation;
        Output = output;
        StandardOutput = standardOutput;
        engine = new(() => new DockerEngine(Host.EngineEndpoint), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Every setting of this run.</summary>
    public Settings Settings { get; }

    /// <summary>The machine: environment, GPUs, cores, engine endpoint, start time.</summary>
    public HostFacts Host { get; }

    /// <summary>Cancelled by Ctrl-C or SIGTERM.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The folder holding cake.config: relative paths in cake.config start here.</summary>
    public string Root => Settings.Root;

    /// <summary>Standard output, for what a target produces (tables, JSON).</summary>
    public IAnsiConsole Output { get; }

    public Stream StandardOutput { get; }

    public string MatrixFile => Settings.MatrixFile;

    /// <summary>The matrix file, loaded, expanded and validated once per run (its source section included).</summary>
    public ExpandedMatrix Matrix => matrix ??= RealmCi.Matrix.MatrixFile.Open(MatrixFile);

    /// <summary>The run's one Docker engine client (created on first use, disposed with the context).</summary>
    public IContainerEngine Engine => Docker;

    /// <summary>The same client in its housekeeping role (the Clean target).</summary>
    public IImageCleaner Cleaner => Docker;

    private DockerEngine Docker => engine.Value;

    public ListingFormat Format => Settings.Format;

    public string? Explain => Settings.Explain;

    public SelectionOptions Selection => Settings.Selection;

    /// <summary>Every --profile given (the Ci target generates one pipeline each).</summary>
    public IReadOnlyList<string> Profiles => Settings.Profiles;

    /// <summary>Set by a target that ran to the end but found failures (exit code 1).</summary>
    public int ExitCode { get; set; }

    public bool Verbose => Settings.Verbosity >= VerbosityLevel.Verbose;

    /// <summary>A live view in a terminal; plain timestamped lines in CI logs, pipes and files.</summary>
    public bool Live => Output.Profile.Capabilities.Interactive && Host.Interactive && Host.Variable("CI") is null && !Verbose;

    /// <summary>A run's observer: the live view in a terminal, else plain lines; with the CI platform's log markup around either.</summary>
    public RealmCi.Results.IRunObserver RunObserver()
    {
        var plain = new RunReporter(Output, Verbose);
        return RealmCi.Ci.CiLogObserver.Wrap(Live ? new LiveView(Output, plain) : plain, Host.Variable, System.Console.Out);
    }

    /// <summary>The selection as it is built: with --coverage, each configuration instrumented.</summary>
    public static RealmCi.Matrix.Selection AsBuilt(RealmCi.Matrix.Selection selection, PipelineOptions options) =>
        options.Coverage ? selection with { Configurations = [.. selection.Configurations.Select(RealmCi.CodeCoverage.CoverageBuild.Instrument)] } : selection;

    /// <summary>The results folder: --artifacts, else cake.config, else ./artifacts.</summary>
    public string Artifacts => Settings.Artifacts;

    /// <summary>Persistent caches (ccache, clones): cake.config Cache, else $XDG_CACHE_HOME/realm-ci.</summary>
    public string Cache => Settings.Cache;

    public ExecutorKind Executor => Settings.Executor;

    public bool Pull => Settings.Pull;

    /// <summary>
    /// The engine when it answers a ping (asked once per run, on a pool thread: a caller may start it
    /// and parse the matrix meanwhile), else null.
    /// </summary>
    public Task<IContainerEngine?> ReachableEngineAsync() => reachable ??= Task.Run(PingAsync, Cancellation);

    private async Task<IContainerEngine?> PingAsync()
    {
        try { await Engine.PingAsync(Cancellation); return Engine; }
        catch (EngineUnavailableException) { return null; }
    }

    /// <summary>
    /// The selection options with what this host offers (<see cref="HostOfferProbe"/>): the engine's
    /// images, debootstrap, GPUs, declared sources on disk, and the --pull / --downloads settings.
    /// With the host executor nothing is probed (no images to prepare). --only-available filters
    /// by it before the coverage strategy; every selected configuration gets its availability.
    /// </summary>
    public async Task<SelectionOptions> SelectionWithOfferAsync(MatrixDefinition definition)
    {
        if (Executor == ExecutorKind.Host) return Selection with { OnlyAvailable = false };
        var offer = await HostOfferProbe.ProbeAsync(definition, Host, await ReachableEngineAsync(), Pull, Settings.Downloads, SourceCache(), Cancellation);
        return Selection with { Offer = offer, OnlyAvailable = Settings.OnlyAvailable };
    }

    /// <summary>Declared source archives: --sources=DIR first, then the cache's sources folder.</summary>
    public RealmCi.Sources.SourceCache SourceCache() => sources ??= new(RealmCi.Sources.SourceCache.DefaultFolder(Cache), Settings.SourcesFolder, Settings.Downloads,
        new RealmCi.Sources.HttpSourceDownloader());

    /// <summary>The pipeline's options, built once from the settings and the host's facts; resolves (and if needed clones) the source.</summary>
    public async Task<PipelineOptions> PipelineAsync(bool runTests)
    {
        var project = Matrix.Definition.Source; // the matrix file's source section: repository, ref, where the project is
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
            MatrixFile = MatrixFile,
            CommandLineDefines = Selection.CommandLine.Cmake,
            CommandLineEnv = Selection.CommandLine.Env,
            ArtifactsArgument = Settings.ArtifactsGiven ? Artifacts : null,
            DownloadsAllowed = Settings.Downloads,
            SourcesFolder = Settings.SourcesFolder,
            Sources = SourceCache(), // the one the host probe used
            RerunFailures = Settings.RerunFailures,
            FlakyFails = Settings.FlakyFails,
            Quarantine = Matrix.Definition.Quarantine,
            Signatures = Matrix.Definition.Signatures,
            Host = Host,
            GpuPresent = Host.HasGpu,
            GpuVendors = Host.GpuVendors,
            User = Host.User,
            RunId = Host.RunId,
            Warnings = Settings.Warnings,
            Conditions = RealmCi.Matrix.FactConditions.Of(Matrix.Definition),
        };
    }

    /// <summary>The downstream project a release's binaries must serve: --consumer, else consumer/ beside the matrix file.</summary>
    public static string ConsumerOf(Settings settings) =>
        settings.Consumer ?? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(settings.MatrixFile)!, "consumer");

    /// <summary>The Release target's options: --tag, --dry-run, --replace, --allow-missing, --consumer (default: consumer/ beside the matrix file).</summary>
    public RealmCi.Release.ReleaseOptions Release(string repository, string project) => new()
    {
        Tag = Settings.Tag!, // checked before any target runs (ReleaseTask.Check)
        Repository = repository,
        Project = project,
        Source = Matrix.Definition.Source,
        Consumer = ConsumerOf(Settings),
        DryRun = Settings.DryRun,
        Replace = Settings.Replace,
        AllowMissing = Settings.AllowMissing,
    };

    public void Dispose()
    {
        if (engine.IsValueCreated) engine.Value.Dispose();
    }
}
