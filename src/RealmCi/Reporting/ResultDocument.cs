namespace RealmCi.Reporting;

/// <summary>A configuration's <c>result.json</c>, as written and read (System.Text.Json, source-generated).</summary>
public sealed record ResultDocument(
    string Id,
    string Status,
    string Executor,
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
}

public sealed record TestsDocument(int Passed, int Failed, int Skipped, IReadOnlyList<string> Failures, IReadOnlyList<SkipDocument> Skips);

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
