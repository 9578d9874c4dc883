using RealmCi.Execution;

namespace RealmCi.Tests.Execution;

public class BuildingRerunCommands
{
    [Fact]
    public void ARerunIsTheSameCtestCommandForTheFailedTestsWithItsOwnJUnit()
    {
        var command = RerunStep.Command(["ctest", "--test-dir", "/work/build", "--output-junit", "/work/junit.xml", "-LE", "^(benchmark)$"],
            ["unit.max_dim", "realm_unit_tests+x"], "rerun-2.xml");
        Assert.Equal(@"ctest --test-dir /work/build --output-junit /work/rerun-2.xml -LE ^(benchmark)$ -R ^(unit\.max_dim|realm_unit_tests\+x)$", string.Join(' ', command));
    }

    [Fact]
    public void AttemptsDescribeThemselves()
    {
        var flaky = new TestAttempts("t", [new(1, false, 0.1, "boom"), new(2, true, 0.1, null)]);
        Assert.Equal(("flaky", "failed attempt 1 (boom), passed attempt 2 of 2"), (flaky.Outcome, flaky.Describe()));
        Assert.Equal("failed", new TestAttempts("t", [new(1, false, 0, null), new(2, false, 0, "x")]).Outcome);
    }
}

public class RerunningABundledCaseAlone
{
    private static readonly PlannedStep Test = new(StepKind.Test,
        ["ctest", "--test-dir", "/work/build", "--output-junit", "/work/junit.xml"], "/work",
        System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal)
            .Add("GTEST_OUTPUT", "xml:/work/build/realm-ci-gtest/").Add("GTEST_FILTER", "-Quarantined.Case"),
        TimeSpan.FromMinutes(30), System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty, true,
        new TestSetup([], [], [], [], [], [], null) { GtestOutput = "/work/build/realm-ci-gtest" });

    [Fact]
    public void ACaseRerunsItsBundleWithAFilterForThatCaseAndItsOwnXmlFolder()
    {
        var step = RerunStep.ForCase(Test, new BundledCase("realm_unit_tests", "GenEventTest.Wrong/2"), attempt: 3, index: 1);
        Assert.Equal(@"ctest --test-dir /work/build --output-junit /work/rerun-3-case1.xml -R ^(realm_unit_tests)$", string.Join(' ', step.Command));
        Assert.Equal("GenEventTest.Wrong/2", step.Env["GTEST_FILTER"]); // alone: the quarantine's negative filter does not matter for one named case
        Assert.Equal("xml:/work/build/realm-ci-gtest/rerun-3-case1/", step.Env["GTEST_OUTPUT"]);
    }

    [Fact]
    public void ReproduceShowsEachCaseRerunAloneAndTheCtestTestsTogether()
    {
        var plan = new StepPlan("c", ExecutorKind.Host, null, new RealmCi.CMake.WorkLayout("/src", "/work"), [], null, "none", null, false, [Test]);
        var result = new ConfigurationResult("c", ConfigurationStatus.Passed, [], [], null, ExecutorKind.Host, DateTimeOffset.UtcNow, 1, "/a", "./build.sh --config=c")
        {
            Reruns =
            [
                new("unit.flaky", [new(1, false, 0, "x"), new(2, true, 0, null)]),
                new("realm_unit_tests/A.B", [new(1, false, 0, "x"), new(2, true, 0, null)]) { InBundle = new("realm_unit_tests", "A.B") },
            ],
        };
        var text = ReproduceScript.Text(plan, result, runTests: true);
        Assert.Contains("# rerun attempt 2 of the failed tests: unit.flaky passed", text);
        Assert.Contains("-R '^(unit\\.flaky)$') || true", text);
        Assert.Contains("# rerun attempt 2 of the GoogleTest case alone: realm_unit_tests/A.B passed", text);
        Assert.Contains("GTEST_FILTER=A.B", text);
        Assert.Contains("rerun-2-case0.xml -R '^(realm_unit_tests)$') || true", text);
    }
}

public class SayingWhatAFlakyTestDid
{
    private static ConfigurationResult Flaky(TestStatus status) =>
        new("c", status == TestStatus.Failed ? ConfigurationStatus.Failed : ConfigurationStatus.Passed, [], [new("t", status, 1)], null, ExecutorKind.Docker, DateTimeOffset.UtcNow, 1, "/a", "x")
        {
            Reruns = [new("t", [new(1, false, 0, "boom"), new(2, true, 0, null)])],
        };

    [Fact]
    public void UnderFlakyPassItIsAWarning() =>
        Assert.Equal(["WARNING c: flaky test t: failed attempt 1 (boom), passed attempt 2 of 2"], RealmCi.Reporting.SummaryFiles.TestNotes(Flaky(TestStatus.Passed)).Select(n => n.Text));

    [Fact]
    public void UnderFlakyFailItSaysItFailed() =>
        Assert.Equal(["Failed c: flaky test t (--flaky=fail): failed attempt 1 (boom), passed attempt 2 of 2"], RealmCi.Reporting.SummaryFiles.TestNotes(Flaky(TestStatus.Failed)).Select(n => n.Text));
}
