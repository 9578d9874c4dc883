using RealmCi.CMake;

namespace RealmCi.Tests.CMake;

public sealed class ReadingGoogleTestXml : InTempFolder
{
    // What GoogleTest 1.12 writes with GTEST_OUTPUT=xml:DIR/ (trimmed).
    private static string Xml(params string[] cases) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites tests="{cases.Length}" name="AllTests">
          <testsuite name="S">{string.Concat(cases)}</testsuite>
        </testsuites>
        """;

    private const string Pass = """<testcase name="Pass" status="run" result="completed" time="0.01" classname="Memcpy" />""";
    private const string Fail = """<testcase name="Fail" status="run" result="completed" time="0.02" classname="Memcpy"><failure message="x.cc:12&#x0A;Expected: 1" type=""><![CDATA[x.cc:12 Expected: 1]]></failure></testcase>""";
    private const string Disabled = """<testcase name="DISABLED_Old" status="notrun" result="suppressed" time="0" classname="Memcpy" />""";
    private const string Skipped = """<testcase name="Later" status="run" result="skipped" time="0" classname="Memcpy"><skipped message="not here" /></testcase>""";

    [Fact]
    public void CasesAreNamedSuiteDotCaseWithTheirOutcome()
    {
        var cases = GoogleTestXml.Parse(Xml(Pass, Fail, Disabled, Skipped));
        Assert.Equal(["Memcpy.Pass", "Memcpy.Fail", "Memcpy.DISABLED_Old", "Memcpy.Later"], cases.Select(c => c.Name));
        Assert.Equal([TestStatus.Passed, TestStatus.Failed, TestStatus.Skipped, TestStatus.Skipped], cases.Select(c => c.Status));
        Assert.StartsWith("x.cc:12", cases[1].Message);
        Assert.Equal(TestLeftOut.Disabled, cases[2].LeftOut);
        Assert.Equal("not here", cases[3].Message);
    }

    [Fact]
    public void SuffixedFilesOfTheSameExecutableAreReadAndACaseFailingInAnyRunFails()
    {
        File.WriteAllText(Path.Combine(dir, "realm_unit_tests.xml"), Xml(Pass, Fail.Replace("<failure", "<x").Replace("</failure>", "</x>", StringComparison.Ordinal)));
        File.WriteAllText(Path.Combine(dir, "realm_unit_tests_1.xml"), Xml(Pass, Fail));
        File.WriteAllText(Path.Combine(dir, "realm_unit_tests_extra.xml"), Xml(Disabled)); // another executable's name
        File.WriteAllText(Path.Combine(dir, "realm_unit_tests_2.xml"), "<testsuites><testsuite"); // cut short by a crash

        var cases = GoogleTestXml.Read(dir, "realm_unit_tests");
        Assert.Equal(["Memcpy.Fail", "Memcpy.Pass"], cases.Select(c => c.Name));
        Assert.Equal(TestStatus.Failed, cases[0].Status);
        Assert.Empty(GoogleTestXml.Read(Path.Combine(dir, "missing"), "realm_unit_tests"));
    }
}
