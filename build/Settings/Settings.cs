using RealmCi.Results;
using RealmCi.Reporting;
using System.Collections.Immutable;
using RealmCi.Execution;
using RealmCi.Matrix;

namespace RealmCi.Build;

/// <summary>How much is logged: the same levels, in the same order, as Cake's.</summary>
public enum VerbosityLevel { Quiet, Minimal, Normal, Verbose, Diagnostic }

/// <summary>
/// Every setting of one run, resolved and validated before any target runs (see
/// <see cref="SettingsResolver"/>). Immutable: a target reads it, never changes it. Paths are
/// absolute. A new option is one property here and one line in the resolver.
/// </summary>
public sealed record Settings
{
    /// <summary>The folder holding cake.config: relative paths in cake.config start here.</summary>
    public required string Root { get; init; }

    public required string Target { get; init; }

    public VerbosityLevel Verbosity { get; init; } = VerbosityLevel.Normal;

    public required string MatrixFile { get; init; }

    public ListingFormat Format { get; init; } = ListingFormat.Table;

    public string? Explain { get; init; }

    public SelectionOptions Selection { get; init; } = new();

    public required string Artifacts { get; init; }

    /// <summary>Whether --artifacts was given on the command line (a rerun's command then names it).</summary>
    public bool ArtifactsGiven { get; init; }

    /// <summary>Persistent caches (ccache, clones, result cache).</summary>
    public required string Cache { get; init; }

    public ExecutorKind Executor { get; init; } = ExecutorKind.Auto;

    /// <summary>Whether a missing base image may be pulled (--pull=missing) or not (--pull=never).</summary>
    public bool Pull { get; init; } = true;

    public int? Jobs { get; init; }

    public int? Parallel { get; init; }

    public bool FailFast { get; init; }

    public bool Force { get; init; }

    public TimeSpan? StepTimeout { get; init; }

    /// <summary>The source checkout, if one was given (--realm-source, REALM_SOURCE, cake.config); else a clone is made.</summary>
    public string? RealmSource { get; init; }

    /// <summary>What to clone when no source is given (null: the matrix file's <c>source</c> section).</summary>
    public string? RealmRef { get; init; }

    public string? RealmRepository { get; init; }

    /// <summary>Clean: only what was last used more than this long ago (null: everything).</summary>
    public TimeSpan? OlderThan { get; init; }

    /// <summary>Clean: remove what is listed (default: show only).</summary>
    public bool Remove { get; init; }

    /// <summary>Release: the tag to release.</summary>
    public string? Tag { get; init; }

    /// <summary>Release: the downstream project (null: consumer/ beside the matrix file).</summary>
    public string? Consumer { get; init; }

    public bool DryRun { get; init; }

    public bool Replace { get; init; }

    public ImmutableArray<string> AllowMissing { get; init; } = [];

    /// <summary>Every --profile given (only the Ci target takes several).</summary>
    public ImmutableArray<string> Profiles { get; init; } = [];

    /// <summary>Ci: the platform (--ci), null when not given.</summary>
    public RealmCi.Ci.CiPlatform? Ci { get; init; }

    public bool Static { get; init; }

    public bool Plan { get; init; }

    /// <summary>Ci --plan: leave out jobs on self-hosted runners (a pull/merge request's pipeline).</summary>
    public bool Untrusted { get; init; }

    public bool Check { get; init; }

    /// <summary>Ci: the folder the files go into (default: the working directory).</summary>
    public string? Output { get; init; }

    /// <summary>--only-available: the integrator passes it, with the host's offer, into <see cref="SelectionOptions"/>.</summary>
    public bool OnlyAvailable { get; init; }

    /// <summary>Whether downloads (declared sources, requires: internet) may be attempted (--downloads=allow|deny, cake.config Downloads).</summary>
    public bool Downloads { get; init; } = true;

    /// <summary>--sources=DIR (or cake.config Sources): a folder of declared source archives.</summary>
    public string? SourcesFolder { get; init; }

    /// <summary>--pack: after a passed build, write the configuration's pack (build once, test many).</summary>
    public bool Pack { get; init; }

    /// <summary>--from-pack=PATH: run only the tests from a pack made by --pack.</summary>
    public string? FromPack { get; init; }

    /// <summary>Bisect: the commit where the test passes (--good=REF) and where it fails (--bad=REF).</summary>
    public string? Good { get; init; }

    public string? Bad { get; init; }

    /// <summary>Bisect: the deciding test, a name or a regular expression (--test); null: the bad run's first failure.</summary>
    public string? BisectTest { get; init; }

    /// <summary>Bisect --downstream[=NAME]: the downstream whose test decides ("" for the matrix file's only one); null: Realm's own tests decide.</summary>
    public string? Downstream { get; init; }

    /// <summary>Rerun each failed test up to this many times (--rerun-failures, cake.config RerunFailures).</summary>
    public int RerunFailures { get; init; }

    /// <summary>--flaky=fail: a test that passed only on a rerun fails its configuration (cake.config Flaky).</summary>
    public bool FlakyFails { get; init; }

    /// <summary>--history=auto|write|read|off (cake.config History), auto already resolved from the environment (see <see cref="RealmCi.Flakiness.HistoryTrust"/>).</summary>
    public RealmCi.Flakiness.HistoryMode History { get; init; } = RealmCi.Flakiness.HistoryMode.Write;

    /// <summary>Canary: --downstream-source=NAME=PATH, each downstream's source (absolute paths).</summary>
    public System.Collections.Immutable.ImmutableSortedDictionary<string, string> DownstreamSources { get; init; } =
        System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>--warnings=report|fail and --warnings-baseline=FILE: the compiler-warning check after each build.</summary>
    public RealmCi.Warnings.WarningOptions Warnings { get; init; } = RealmCi.Warnings.WarningOptions.Default;

    /// <summary>--abi-baseline=REF: build the baseline at REF, then check the ABI of the selection's shared library against it.</summary>
    public string? AbiBaseline { get; init; }

    /// <summary>--coverage (Test, Canary): gcc coverage instrumentation and gcovr reports.</summary>
    public bool Coverage { get; init; }
}
