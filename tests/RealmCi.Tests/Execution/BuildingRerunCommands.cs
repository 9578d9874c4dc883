using RealmCi.Execution;

namespace RealmCi.Tests.Execution;

public class BuildingRerunCommands
{
    [Fact]
    public void ARerunIsTheSameCtestCommandForTheFailedTestsWithItsOwnJUnit()
    {
        var command = TestReruns.Command(["ctest", "--test-dir", "/work/build", "--output-junit", "/work/junit.xml", "-LE", "^(benchmark)$"],
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
