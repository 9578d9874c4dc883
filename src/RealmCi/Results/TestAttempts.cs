namespace RealmCi.Results;

/// <summary>One run of a test: its number (1 = the first run), whether it passed, its time and, when it failed, its first line.</summary>
public sealed record TestAttempt(int Number, bool Passed, double Seconds, string? Line);

/// <summary>
/// A test that failed and was rerun (<c>--rerun-failures=N</c>): every attempt, and the outcome —
/// <c>flaky</c> when a rerun passed, <c>failed</c> when every attempt failed.
/// </summary>
public sealed record TestAttempts(string Test, IReadOnlyList<TestAttempt> Attempts)
{
    public bool Flaky => Attempts.Any(a => a.Passed);

    public string Outcome => Flaky ? "flaky" : "failed";

    /// <summary>A bundled GoogleTest case, rerun alone (<c>GTEST_FILTER</c>); null for a ctest test.</summary>
    public BundledCase? InBundle { get; init; }

    /// <summary>For summaries: "failed attempt 1 (LINE), passed attempt 2 of 2".</summary>
    public string Describe() =>
        string.Join(", ", Attempts.Select(a => a.Passed ? $"passed attempt {a.Number}" : $"failed attempt {a.Number}{(a.Line is null ? "" : $" ({a.Line})")}"))
        + $" of {Attempts.Count}";
}
