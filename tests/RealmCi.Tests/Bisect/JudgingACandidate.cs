using RealmCi.Results;
using RealmCi.Bisect;
using RealmCi.CMake;

namespace RealmCi.Tests.Bisect;

public class JudgingACandidate
{
    private static ConfigurationResult Run(params TestCaseResult[] tests) => new("c", ConfigurationStatus.Passed,
        [new StepResult(StepKind.Configure, StepStatus.Passed, 0, 1, "x", null), new StepResult(StepKind.Build, StepStatus.Passed, 0, 1, "x", null)],
        tests, "img", ExecutorKind.Docker, DateTimeOffset.UtcNow, 1, "/a", "r");

    [Fact]
    public void AFlakyTestIsBadAtThatCommit()
    {
        var r = Run(new TestCaseResult("unit.x", TestStatus.Passed, 0.1, "flaky: …")) with
            { Reruns = [new TestAttempts("unit.x", [new(1, false, 0.1, "boom"), new(2, true, 0.1, null)])] };
        var (verdict, why, line) = new TestSelector("unit.x").Judge(r);
        Assert.Equal((Verdict.Bad, "unit.x flaky (failed attempt 1 (boom), passed attempt 2 of 2)"), (verdict, why));
        Assert.Equal("unit.x: flaky — failed attempt 1 (boom), passed attempt 2 of 2", line);
    }

    [Fact]
    public void AnotherTestsRerunLeavesTheVerdictToTheNamedTest() =>
        Assert.Equal(Verdict.Good, new TestSelector("unit.x").Judge(Run(new TestCaseResult("unit.x", TestStatus.Passed, 0.1)) with
            { Reruns = [new TestAttempts("unit.y", [new(1, false, 0.1, "boom"), new(2, true, 0.1, null)])] }).Verdict);

    [Theory]
    [InlineData("unit.x", TestStatus.Failed, Verdict.Bad)]
    [InlineData("unit.x", TestStatus.Quarantined, Verdict.Bad)]
    [InlineData("unit.x", TestStatus.Passed, Verdict.Good)]
    [InlineData("unit.x", TestStatus.NotRun, Verdict.Skip)]
    [InlineData("unit.other", TestStatus.Passed, Verdict.Skip)]
    public void TheNamedTestDecides(string name, TestStatus status, Verdict expected) =>
        Assert.Equal(expected, new TestSelector("unit\\.x").Judge(Run(new TestCaseResult(name, status, 0.1, "m"))).Verdict);

    [Fact]
    public void AConfigurationThatDidNotRunIsSkippedSayingWhy()
    {
        var r = Run() with { Status = ConfigurationStatus.Unavailable, Steps = [], Reason = "mini-legion: the Realm under test did not install in c" };
        Assert.Equal((Verdict.Skip, "not run (mini-legion: the Realm under test did not install in c)"), (new TestSelector("legion_reduce").Judge(r) is var j ? (j.Verdict, j.Why) : default));
    }
}
