namespace RealmCi.Results;

/// <summary>
/// A test's outcome. <see cref="Quarantined"/>: failed, but a quarantine entry covers it (not a
/// failure of the configuration); <see cref="NotRun"/>: defined by the build but left out by the
/// selection (label filter), with the reason in the message.
/// </summary>
public enum TestStatus { Passed, Failed, Skipped, Quarantined, NotRun }

/// <summary>
/// One test's outcome. <see cref="LeftOut"/> says why a test defined by the build did not run
/// (<see cref="TestLeftOut"/>); <see cref="Quarantine"/> is the entry covering it, whether it
/// failed (quarantined) or passed (an entry to remove?).
/// </summary>
public sealed record TestCaseResult(string Name, TestStatus Status, double Seconds, string? Message = null, string? Output = null)
{
    public string? LeftOut { get; init; }

    public QuarantineNote? Quarantine { get; init; }

    /// <summary>The ctest name this test shares with others (its <see cref="Name"/> then says which one: <c>NAME [EXECUTABLE]</c>); null when unique.</summary>
    public string? SharedName { get; init; }

    /// <summary>For a GoogleTest case of a bundle (<c>TEST/Suite.Case</c>): the ctest test that ran it and the case, so it can be rerun alone.</summary>
    public BundledCase? InBundle { get; init; }
}

/// <summary>A GoogleTest case inside a ctest test that bundles many (<c>--gtest_filter</c> of <see cref="Case"/> runs it alone).</summary>
public sealed record BundledCase(string Test, string Case);

/// <summary>The quarantine entry covering a test: why, and where it is tracked.</summary>
public sealed record QuarantineNote(string Reason, string? Link);

/// <summary>Why a test the build defines did not run: the keys of result.json's <c>tests.notRun</c>.</summary>
public static class TestLeftOut
{
    public const string LabelFilter = "labelFilter";
    public const string NeedsGpu = "needsGpu";
    public const string Disabled = "disabled";
    public const string NoResult = "noResult";
    public const string Quarantined = "quarantined";
    public const string RunElsewhere = "runElsewhere";

    /// <summary>How the message of a test left out by the label filter because it has no labels starts (-L never selects one).</summary>
    public const string UnlabelledMessage = "label filter: no labels";

    /// <summary>The reason as a summary line says it.</summary>
    public static string Describe(string key) => key switch
    {
        LabelFilter => "left out by the label filter",
        NeedsGpu => "need a GPU",
        Disabled => "disabled",
        NoResult => "without a result",
        Quarantined => "quarantined (left out by GTEST_FILTER)",
        RunElsewhere => "run in the other part of the split",
        _ => key,
    };
}
