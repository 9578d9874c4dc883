using RealmCi.Results;
using RealmCi.CMake;

namespace RealmCi.Tests.CMake;

public class ReadingTestResults
{
    // What ctest 3.25 writes with --output-junit (trimmed).
    private const string Junit = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="(empty)" tests="4" failures="1" disabled="1" skipped="0" hostname="" time="1" timestamp="2026-11-28T13:00:00">
          <testcase name="unit.version" classname="unit.version" time="0.25" status="run"><system-out>version 0.3.0
        </system-out></testcase>
          <testcase name="unit.broken" classname="unit.broken" time="0.5" status="fail"><failure message="Failed"/><system-out>boom</system-out></testcase>
          <testcase name="unit.off" classname="unit.off" time="0" status="disabled"><skipped message="Disabled"/></testcase>
          <testcase name="unit.notrun" classname="unit.notrun" time="0" status="notrun"><skipped message="Not Run"/></testcase>
        </testsuite>
        """;

    [Fact]
    public void EachTestcaseBecomesAResultWithItsStatusTimeAndOutput()
    {
        var r = JUnitReport.Parse(Junit);
        Assert.Equal(4, r.Count);
        Assert.Equal(new TestCaseResult("unit.version", TestStatus.Passed, 0.25, null, "version 0.3.0\n"), r[0]);
        Assert.Equal(TestStatus.Failed, r[1].Status);
        Assert.Equal("Failed", r[1].Message);
        Assert.Equal("boom", r[1].Output);
        Assert.Equal(TestStatus.Skipped, r[2].Status);
        Assert.Equal("Disabled", r[2].Message);
        Assert.Equal(TestStatus.Skipped, r[3].Status);
    }

    [Fact]
    public void AnEmptySuiteHasNoResults() => Assert.Empty(JUnitReport.Parse("<testsuite name='x' tests='0'></testsuite>"));
}
