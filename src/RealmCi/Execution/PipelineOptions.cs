using RealmCi.Results;
using System.Collections.Immutable;

namespace RealmCi.Execution;

/// <summary>
/// What a run of the pipeline needs to know, built once by the front end from the settings and
/// the host's facts (<see cref="HostFacts"/>). No default probes the host: a library caller
/// (a test) gets a neutral host and sets what it needs with <c>with</c>.
/// </summary>
public sealed record PipelineOptions
{
    /// <summary>The source checkout on the host.</summary>
    public required string Source { get; init; }

    /// <summary>The CMake project's folder inside the checkout (e.g. <c>realm</c> in Legion's repository), or null.</summary>
    public string? SourceSubdir { get; init; }

    /// <summary>Results go to <c>Artifacts/ID/</c>.</summary>
    public required string Artifacts { get; init; }

    /// <summary>Persistent caches (ccache) live here.</summary>
    public required string Cache { get; init; }

    public ExecutorKind Executor { get; init; } = ExecutorKind.Auto;

    /// <summary>Whether a missing base image may be pulled from a registry (--pull=missing) or not (--pull=never).</summary>
    public bool Pull { get; init; } = true;

    /// <summary>Build and test parallelism per configuration (default: the cores divided among running configurations).</summary>
    public int? Parallel { get; init; }

    /// <summary>Configurations at once (default: from cores and memory).</summary>
    public int? Jobs { get; init; }

    /// <summary>Stop launching configurations after the first failure (running ones finish).</summary>
    public bool FailFast { get; init; }

    /// <summary>Ignore the result cache.</summary>
    public bool Force { get; init; }

    public bool RunTests { get; init; } = true;

    /// <summary>
    /// Whether the build is installed (the install step). False for a build of part of a project whose install rules
    /// name the rest: the canary's run of a downstream's copy of Realm's older tests builds only their folders, and
    /// cmake --install then fails on the downstream's own library ("cannot find liblegion.so.1").
    /// </summary>
    public bool Install { get; init; } = true;

    /// <summary>--pack: after a passed build, write artifacts/ID/pack.tar.gz (see Packs/PackRun).</summary>
    public bool Pack { get; init; }

    /// <summary>--from-pack=PATH: test from this pack; only the test step runs (see Packs/PackRun).</summary>
    public string? FromPack { get; init; }

    /// <summary>A cap on every step's duration (the defaults are generous).</summary>
    public TimeSpan? StepTimeout { get; init; }

    /// <summary>Labels every container of this run.</summary>
    public string RunId { get; init; } = $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Environment.ProcessId}";

    /// <summary>The machine the run is on: cores, memory, tools on PATH, environment.</summary>
    public HostFacts Host { get; init; } = HostFacts.Neutral;

    public bool GpuPresent { get; init; }

    /// <summary>The GPU vendors present (<c>nvidia</c>, <c>amd</c>): GPU tests run only on a GPU their configuration can use.</summary>
    public ImmutableHashSet<string> GpuVendors { get; init; } = [];

    /// <summary>uid:gid the containers run as: the invoking user's.</summary>
    public string User { get; init; } = HostFacts.CurrentUser();

    // What the reproduce command needs to rerun exactly what ran (see ReproduceCommand).

    /// <summary>--coverage: configurations built with gcc's coverage instrumentation (<see cref="CodeCoverage.CoverageBuild"/>); a coverage step after the tests writes gcovr's reports.</summary>
    public bool Coverage { get; init; }

    /// <summary>--abi-baseline: configurations built shared with -g (<see cref="Abi.AbiBuild"/>), an ABI step after install dumps (and with a baseline compares) the library.</summary>
    public Abi.AbiOptions? Abi { get; init; }

    /// <summary>The matrix's conditions on facts read from the source (<c>facts:</c>, overrides with <c>when:</c>): applied to the selection when the run starts, with this source's facts.</summary>
    public Matrix.FactConditions Conditions { get; init; } = Matrix.FactConditions.None;

    /// <summary>The target the reproduce command names (null: Test or Build, from <see cref="RunTests"/>).</summary>
    public string? ReproduceTarget { get; init; }

    /// <summary>The Realm source the reproduce command names when <see cref="Source"/> is a derived tree (the canary's composed copy).</summary>
    public string? ReproduceSource { get; init; }

    /// <summary>Arguments the reproduce command appends (the canary's --downstream-source=NAME=PATH).</summary>
    public System.Collections.Immutable.ImmutableArray<string> ReproduceExtra { get; init; } = [];

    /// <summary>The matrix file the selection came from (--matrix), or null when unknown.</summary>
    public string? MatrixFile { get; init; }

    /// <summary>The command line's --define=KEY=VALUE.</summary>
    public ImmutableSortedDictionary<string, string> CommandLineDefines { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>The command line's --env=KEY=VALUE.</summary>
    public ImmutableSortedDictionary<string, string> CommandLineEnv { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>The matrix file's quarantine: failing tests it covers are reported quarantined, not failing the configuration.</summary>
    public Matrix.Quarantine Quarantine { get; init; } = Matrix.Quarantine.Empty;

    /// <summary>
    /// Whether a quarantine entry that matches none of a configuration's tests is reported. False for a
    /// downstream's build (the canary's Legion): Realm's entries name Realm's tests, not Legion's.
    /// </summary>
    public bool ReportUnmatchedQuarantine { get; init; } = true;

    /// <summary>Known failure signatures: a failed configuration's failing log is matched against them.</summary>
    public Matrix.FailureSignatures Signatures { get; init; } = Matrix.FailureSignatures.Empty;

    /// <summary>--rerun-failures=N: rerun each failed test up to N times; one that passes on a rerun is flaky.</summary>
    public int RerunFailures { get; init; }

    /// <summary>--flaky=fail: a flaky test fails its configuration (default: it passes with a WARNING).</summary>
    public bool FlakyFails { get; init; }

    /// <summary>--history: whether this run adds its test outcomes to the cache's flakiness history (Test only; off elsewhere).</summary>
    public Flakiness.HistoryMode History { get; init; }

    /// <summary>--artifacts when it was given on the command line (a non-default folder), else null.</summary>
    public string? ArtifactsArgument { get; init; }

    /// <summary>Whether declared sources may be downloaded into the source cache (--downloads=allow|deny).</summary>
    public bool DownloadsAllowed { get; init; } = true;

    /// <summary>A folder of declared source archives (--sources=DIR), searched before the source cache.</summary>
    public string? SourcesFolder { get; init; }

    /// <summary>The compiler-warning check after each build (--warnings=report|fail, --warnings-baseline=FILE).</summary>
    public Warnings.WarningOptions Warnings { get; init; } = RealmCi.Warnings.WarningOptions.Default;

    /// <summary>Configurations this host cannot run (Id → what they miss), decided before the run: reported as unavailable, never started.</summary>
    public ImmutableDictionary<string, string> Unavailable { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The run's one source cache, given by the front end (its host probe used the same); null: <see cref="SourceCache"/> makes one.</summary>
    public Sources.SourceCache? Sources { get; init; }

    /// <summary>Declared source archives: <see cref="SourcesFolder"/> first, then the cache's sources folder.</summary>
    public Sources.SourceCache SourceCache() =>
        Sources ?? new(RealmCi.Sources.SourceCache.DefaultFolder(Cache), SourcesFolder, DownloadsAllowed, new RealmCi.Sources.HttpSourceDownloader());

    public TimeSpan ImageTimeout => Timeout(Results.StepKind.Image);

    public TimeSpan Timeout(Results.StepKind step) => Results.StepTimeouts.For(step, StepTimeout);
}
