using RealmCi.CMake;

namespace RealmCi.Execution;

public enum StepStatus { Passed, Failed, TimedOut, Cancelled, Skipped }

public enum ConfigurationStatus { Passed, Failed, Cancelled, Cached }

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

/// <summary>A configuration's outcome. A failure is a result, not an exception.</summary>
public sealed record ConfigurationResult(
    string Id,
    ConfigurationStatus Status,
    IReadOnlyList<StepResult> Steps,
    IReadOnlyList<TestCaseResult> Tests,
    string? Image,
    string Executor,
    DateTimeOffset Started,
    double Seconds,
    string Artifacts,
    string Reproduce)
{
    /// <summary>Counts recorded by an earlier run (a cached result has no tests of its own).</summary>
    public TestCounts? Recorded { get; init; }

    /// <summary>When the cached result was made.</summary>
    public DateTimeOffset? CachedAt { get; init; }

    public string? CacheKey { get; init; }

    public TestCounts Counts => Recorded ?? TestCounts.Of(Tests);

    /// <summary>Passed now, or passed earlier with the same inputs.</summary>
    public bool Succeeded => Status is ConfigurationStatus.Passed or ConfigurationStatus.Cached;

    /// <summary>The first failing test, else the first failing step, for summaries.</summary>
    public string? FirstFailure =>
        Tests.FirstOrDefault(t => t.Status == TestStatus.Failed) is { } test ? $"test {test.Name}"
        : Steps.FirstOrDefault(s => s.Status is StepStatus.Failed or StepStatus.TimedOut) is { } step ? $"{step.Name} {step.Status.ToString().ToLowerInvariant()}"
        : null;
}
