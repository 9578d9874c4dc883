
namespace RealmCi.Results;

public enum StepStatus { Passed, Failed, TimedOut, Cancelled, Skipped }

/// <summary>
/// A configuration's outcome. <see cref="NotRun"/>: selected but never started (fail-fast,
/// interruption); <see cref="Unavailable"/>: this host cannot run it (the reason says what is
/// missing). Neither is a failure.
/// </summary>
public enum ConfigurationStatus { Passed, Failed, Cancelled, Cached, NotRun, Unavailable }

/// <summary>One step's outcome: status, exit code, duration, the exact command and its log.</summary>
public sealed record StepResult(StepKind Step, StepStatus Status, long? ExitCode, double Seconds, string? Command, string? Log, string? Reason = null)
{
    public string Name => Step.ToString().ToLowerInvariant();
}

public sealed record TestCounts(int Passed, int Failed, int Skipped)
{
    public static TestCounts Of(IEnumerable<TestCaseResult> tests)
    {
        var list = tests.ToList();
        return new(list.Count(t => t.Status == TestStatus.Passed), list.Count(t => t.Status == TestStatus.Failed), list.Count(t => t.Status == TestStatus.Skipped));
    }
}

/// <summary>
/// A configuration's outcome: a failure is a result, not an exception. The records of this
/// namespace are what Execution produces and Caching and Reporting consume; none of the three
/// depends on another through them.
/// </summary>
public sealed record ConfigurationResult(
    string Id,
    ConfigurationStatus Status,
    IReadOnlyList<StepResult> Steps,
    IReadOnlyList<TestCaseResult> Tests,
    string? Image,
    ExecutorKind Executor,
    DateTimeOffset Started,
    double Seconds,
    string Artifacts,
    string Reproduce)
{
    /// <summary>Counts recorded by an earlier run (a cached result has no tests of its own).</summary>
    public TestCounts? Recorded { get; init; }

    /// <summary>When the cached result was made.</summary>
    public DateTimeOffset? CachedAt { get; init; }

    /// <summary>The run (id) that made a cached result.</summary>
    public string? CachedFrom { get; init; }

    public string? CacheKey { get; init; }

    /// <summary>Why a configuration did not run or cannot run here (not-run, unavailable).</summary>
    public string? Reason { get; init; }

    /// <summary>The run that produced this result.</summary>
    public string? RunId { get; init; }

    public TestCounts Counts => Recorded ?? TestCounts.Of(Tests);

    /// <summary>The quarantine entries for this configuration that matched none of its tests (<c>FILE:LINE: test … (configs …)</c>): renamed or removed tests.</summary>
    public IReadOnlyList<string> UnmatchedQuarantine { get; init; } = [];

    /// <summary>Known failure signatures found in the failing step's log (matrix <c>signatures:</c>).</summary>
    public IReadOnlyList<KnownFailure> Known { get; init; } = [];

    /// <summary>Failed tests that were rerun (--rerun-failures): every attempt, flaky or failed.</summary>
    public IReadOnlyList<TestAttempts> Reruns { get; init; } = [];

    /// <summary>The history's record (last runs on this cache) of each test that failed or was flaky in this run; notes only.</summary>
    public IReadOnlyList<TestRecord> History { get; init; } = [];

    /// <summary>The ABI check's verdict against the baseline (--abi-baseline); null without one.</summary>
    public AbiVerdict? Abi { get; init; }

    /// <summary>Passed now, or passed earlier with the same inputs.</summary>
    public bool Succeeded => Status is ConfigurationStatus.Passed or ConfigurationStatus.Cached;

    /// <summary>The status as files and tables write it: passed, failed, cancelled, cached, not-run, unavailable.</summary>
    public string StatusText => StatusName(Status);

    public static string StatusName(ConfigurationStatus status) => status switch
    {
        ConfigurationStatus.NotRun => "not-run",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>The first failing test, else the first failing step, for summaries.</summary>
    public string? FirstFailure =>
        Tests.FirstOrDefault(t => t.Status == TestStatus.Failed) is { } test ? $"test {test.Name}"
        : Steps.FirstOrDefault(s => s.Status is StepStatus.Failed or StepStatus.TimedOut) is { } step ? $"{step.Name} {step.Status.ToString().ToLowerInvariant()}"
        : null;

    /// <summary>What a table shows next to the status: the first failure, else the reason.</summary>
    public string? Note => Status is ConfigurationStatus.NotRun or ConfigurationStatus.Unavailable ? Reason
        : Known.Count > 0 ? $"{FirstFailure ?? Reason} — known: {string.Join(", ", Known.Select(k => k.Name))}"
        : FirstFailure ?? Reason;

    /// <summary>A result for a configuration that was selected but never started (by the run's <paramref name="executor"/>).</summary>
    public static ConfigurationResult NotStarted(string id, string reason, string artifacts, string reproduce, ExecutorKind executor = ExecutorKind.Auto) =>
        new(id, ConfigurationStatus.NotRun, [], [], null, executor, DateTimeOffset.UtcNow, 0, artifacts, reproduce) { Reason = reason };
}
