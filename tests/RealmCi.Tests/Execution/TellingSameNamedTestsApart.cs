using RealmCi.CMake;
using RealmCi.Execution;
using RealmCi.Matrix;
using RealmCi.Reporting;
using RealmCi.Results;

namespace RealmCi.Tests.Execution;

/// <summary>
/// Realm's November tests define RuntimeVersionTest.GetLibraryVersionSuccess in two executables:
/// both are accounted for, named by executable, reported as sharing a name, and a quarantine
/// entry can name one of them.
/// </summary>
public sealed class TellingSameNamedTestsApart
{
    private const string Shared = "RuntimeVersionTest.GetLibraryVersionSuccess";

    private static string Listing(string secondLabel = "unit") => $$"""
        {"kind":"ctestInfo","version":{"major":1,"minor":0},"tests":[
          {"name":"{{Shared}}","command":["/b/tests/realm_unit_tests","--gtest_filter={{Shared}}"],"properties":[{"name":"LABELS","value":["unit"]}]},
          {"name":"EventTest.Trigger","command":["/b/tests/realm_unit_tests","--gtest_filter=EventTest.Trigger"],"properties":[{"name":"LABELS","value":["unit"]}]},
          {"name":"{{Shared}}","command":["/b/tests/realm_c_unit_tests","--gtest_filter={{Shared}}"],"properties":[{"name":"LABELS","value":["{{secondLabel}}"]}]}
        ]}
        """;

    private static readonly TestSelection Units = new(["unit"], [], []);

    private static IReadOnlyList<TestCaseResult> Account(IReadOnlyList<TestCaseResult> ran, string listing, Quarantine? quarantine = null) =>
        TestAccounting.Account(TestPlan.Parse(listing), ran, Units, _ => [], quarantine ?? Quarantine.Empty, "gcc12-debug-local-cpu-shared");

    [Fact]
    public void BothAreAccountedForByExecutableAndTheTallyCountsBoth()
    {
        // ctest's JUnit: the two results of one name, in ctest's index order.
        var tests = Account([new(Shared, TestStatus.Passed, 1), new("EventTest.Trigger", TestStatus.Passed, 1), new(Shared, TestStatus.Failed, 1, "boom")], Listing());

        Assert.Equal([$"{Shared} [realm_unit_tests]", "EventTest.Trigger", $"{Shared} [realm_c_unit_tests]"], tests.Select(t => t.Name));
        Assert.Equal([TestStatus.Passed, TestStatus.Passed, TestStatus.Failed], tests.Select(t => t.Status));
        Assert.DoesNotContain(tests, t => t.LeftOut == TestLeftOut.NoResult);
        var tally = TestTally.Of(tests);
        Assert.Equal((3, 3), (tally.Defined, tally.Ran));
        Assert.Contains($"2 tests share the name {Shared}, each accounted for: {Shared} [realm_unit_tests] passed, {Shared} [realm_c_unit_tests] failed", tally.Warning);
    }

    [Fact]
    public void AQuarantineEntryNamesOneOfThemByExecutableAndThePlainNameCoversBoth()
    {
        TestCaseResult[] ran = [new(Shared, TestStatus.Failed, 1), new("EventTest.Trigger", TestStatus.Passed, 1), new(Shared, TestStatus.Failed, 1)];
        Quarantine Entry(string test) => new([new QuarantineEntry("*", test, "known", null, SourceSpan.None("m.yaml"))]);

        var one = Account(ran, Listing(), Entry($"{Shared} [realm_c_unit_tests]"));
        Assert.Equal([TestStatus.Failed, TestStatus.Passed, TestStatus.Quarantined], one.Select(t => t.Status));

        var both = Account(ran, Listing(), Entry(Shared));
        Assert.Equal([TestStatus.Quarantined, TestStatus.Passed, TestStatus.Quarantined], both.Select(t => t.Status));
    }

    [Fact]
    public void OneLeftOutByTheLabelFilterTakesNoResultOfTheOther()
    {
        var tests = Account([new(Shared, TestStatus.Passed, 1), new("EventTest.Trigger", TestStatus.Passed, 1)], Listing(secondLabel: "integration"));

        Assert.Equal(TestStatus.Passed, tests.Single(t => t.Name == $"{Shared} [realm_unit_tests]").Status);
        Assert.Equal(TestLeftOut.LabelFilter, tests.Single(t => t.Name == $"{Shared} [realm_c_unit_tests]").LeftOut);
    }

    [Fact]
    public void TheSameExecutableIsToldApartByItsCommand()
    {
        var listing = """
            {"kind":"ctestInfo","version":{"major":1,"minor":0},"tests":[
              {"name":"t","command":["/usr/bin/bash","a.sh"],"properties":[]},
              {"name":"t","command":["/usr/bin/bash","b.sh"],"properties":[]}]}
            """;
        Assert.Equal(["t [/usr/bin/bash a.sh]", "t [/usr/bin/bash b.sh]"], TestIdentity.Names(TestPlan.Parse(listing)));
    }

    [Fact]
    public void TheSharedNameSurvivesResultJson()
    {
        var tests = Account([new(Shared, TestStatus.Passed, 1), new("EventTest.Trigger", TestStatus.Passed, 1), new(Shared, TestStatus.Passed, 1)], Listing());
        var result = new ConfigurationResult("c", ConfigurationStatus.Passed, [], tests, "img", ExecutorKind.Docker, DateTimeOffset.UtcNow, 1, "/a", "r");
        var back = ResultJson.Tests(ResultJson.Document(result).Tests)!;
        Assert.Equal([Shared, null, Shared], back.Select(t => t.SharedName));
        Assert.Contains("2 tests share the name", TestTally.Of(back).Warning);
    }
}
