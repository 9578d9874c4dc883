using RealmCi.Results;
namespace RealmCi.Reporting;

/// <summary>A configuration's <c>result.json</c>, as written and read (System.Text.Json, source-generated).</summary>
public sealed record ResultDocument(
    string Id,
    string Status,
    ExecutorKind Executor,
    string? Image,
    DateTimeOffset Started,
    double Seconds,
    TestsDocument Tests,
    IReadOnlyList<StepDocument> Steps,
    string? FirstFailure,
    string? Reason,
    string Artifacts,
    string Reproduce)
{
    /// <summary>The result-cache key of the inputs that produced it; a cache entry is used only when it matches.</summary>
    public string? CacheKey { get; init; }

    /// <summary>The run that produced it.</summary>
    public string? Run { get; init; }

    /// <summary>For a cached result: when the original passed, and in which run.</summary>
    public DateTimeOffset? CachedAt { get; init; }

    public string? CachedFrom { get; init; }

    /// <summary>Known failure signatures found in the failing step's log (matrix <c>signatures:</c>).</summary>
    public IReadOnlyList<Results.KnownFailure>? KnownFailures { get; init; }

    /// <summary>Failed tests that were rerun: every attempt, and whether the test was flaky or failed every time.</summary>
    public IReadOnlyList<Results.TestAttempts>? Reruns { get; init; }

    /// <summary>The ABI check against the baseline (--abi-baseline): verdict, removed and changed symbols, the HTML report.</summary>
    public AbiDocument? Abi { get; init; }
}

/// <summary>result.json's <c>abi</c>: <c>verdict</c> is compatible or incompatible.</summary>
public sealed record AbiDocument(string Baseline, string Verdict, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed, string Report);

public sealed record TestsDocument(int Passed, int Failed, int Skipped, IReadOnlyList<string> Failures, IReadOnlyList<SkipDocument> Skips)
{
    /// <summary>Every test the build defined (bundled GoogleTest cases counted one by one), and how many of them ran.</summary>
    public int? Defined { get; init; }

    public int? Ran { get; init; }

    /// <summary>Failed, but covered by a quarantine entry: not a failure of the configuration.</summary>
    public int? Quarantined { get; init; }

    /// <summary>Defined but not run, by reason: labelFilter, needsGpu, disabled, noResult.</summary>
    public IReadOnlyDictionary<string, int>? NotRun { get; init; }

    /// <summary>Every test with its outcome and, when it did not run or is quarantined, why.</summary>
    public IReadOnlyList<TestDocument>? All { get; init; }

    /// <summary>Quarantined tests that passed: remove their entries?</summary>
    public IReadOnlyList<TestDocument>? QuarantinedButPassed { get; init; }

    /// <summary>Quarantine entries for this configuration that named none of its tests (<c>FILE:LINE: test … (configs …)</c>): renamed or removed tests.</summary>
    public IReadOnlyList<string>? UnmatchedQuarantine { get; init; }

    /// <summary>Said loudly: the tests were mostly filtered away, or none ran.</summary>
    public string? Warning { get; init; }
}

/// <summary>One test in result.json: its outcome (passed, failed, skipped, quarantined, not-run), the reason it did not run, its quarantine entry.</summary>
public sealed record TestDocument(string Name, string Outcome, string? LeftOut, string? Reason, string? QuarantineReason, string? QuarantineLink)
{
    /// <summary>The ctest name this test shares with others (then <see cref="Name"/> is <c>NAME [EXECUTABLE]</c>); absent when unique.</summary>
    public string? SharedName { get; init; }
}

public sealed record SkipDocument(string Name, string? Reason);

public sealed record StepDocument(string Name, string Status, long? ExitCode, double Seconds, string? Command, string? Log, string? Reason);

/// <summary>The run's <c>summary.json</c>: counts by status and every selected configuration's result, started or not.</summary>
public sealed record SummaryDocument(
    string Selection,
    int Selected,
    int Finished,
    int Passed,
    int Cached,
    int Failed,
    int Cancelled,
    int NotRun,
    int Unavailable,
    bool Interrupted,
    IReadOnlyList<ResultDocument> Results);
