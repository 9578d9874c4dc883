using System.Collections.Immutable;
using System.Text.RegularExpressions;
using RealmCi.Results;

namespace RealmCi.Execution;

/// <summary>
/// The test step of one rerun attempt (<c>--rerun-failures</c>), as data the runner runs and
/// reproduce.sh prints: the step's own ctest command for the failed ctest tests
/// (<c>-R ^(names)$</c>, JUnit into <c>rerun-K.xml</c>), or, for a failed GoogleTest case inside a
/// bundle, the bundle's ctest test alone with <c>GTEST_FILTER=Suite.Case</c> (JUnit into
/// <c>rerun-K-caseI.xml</c>, GoogleTest's XML into its own folder). Pure.
/// </summary>
public static class RerunStep
{
    public static PlannedStep ForTests(PlannedStep step, IEnumerable<string> names, int attempt) =>
        step with { Command = Command(step.Command, names, $"rerun-{attempt}.xml") };

    /// <summary>Case <paramref name="index"/> (its place among the run's rerun cases) alone, at attempt <paramref name="attempt"/>.</summary>
    public static PlannedStep ForCase(PlannedStep step, BundledCase bundled, int attempt, int index)
    {
        var env = step.Env.SetItem("GTEST_FILTER", bundled.Case);
        if (step.Tests?.GtestOutput is { } gtest) env = env.SetItem("GTEST_OUTPUT", $"xml:{gtest}/{CaseFolder(attempt, index)}/");
        return step with { Command = Command(step.Command, [bundled.Test], CaseJUnit(attempt, index)), Env = env };
    }

    public static string CaseJUnit(int attempt, int index) => $"rerun-{attempt}-case{index}.xml";

    /// <summary>The folder (under the step's GoogleTest output folder) a case's rerun writes its XML into.</summary>
    public static string CaseFolder(int attempt, int index) => $"rerun-{attempt}-case{index}";

    /// <summary>The step's ctest command for a rerun: only the named tests, JUnit into <paramref name="junit"/> beside the original.</summary>
    internal static ImmutableArray<string> Command(ImmutableArray<string> ctest, IEnumerable<string> names, string junit)
    {
        var args = ctest.ToList();
        var at = args.IndexOf("--output-junit");
        if (at >= 0 && at + 1 < args.Count)
        {
            var original = args[at + 1];
            var slash = original.LastIndexOf('/');
            args[at + 1] = slash < 0 ? junit : original[..(slash + 1)] + junit;
        }
        args.AddRange(["-R", "^(" + string.Join("|", names.Select(n => Regex.Replace(n, @"[\[\]\\^$.|?*+(){}]", @"\$0"))) + ")$"]);
        return [.. args];
    }
}
