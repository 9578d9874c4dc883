using RealmCi.Results;
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

    /// <summary>The console of Realm's unit tests dying on an ASan report (clang16-debug-mpi-cpu-asan, 2026-11-29), shortened.</summary>
    internal const string DiedOnASanReport = """
        Running main() from gmock_main.cc
        [==========] Running 407 tests from 54 test suites.
        [----------] 4 tests from CompQueueTest
        [ RUN      ] CompQueueTest.SetCapacity
        [       OK ] CompQueueTest.SetCapacity (0 ms)
        [ DISABLED ] CompQueueTest.DISABLED_GetLocalProgressEvent
        [ RUN      ] GenEventTest.Skippy
        [  SKIPPED ] GenEventTest.Skippy (0 ms)
        [ RUN      ] GenEventTest.Wrong
        x.cc:3: Failure
        [  FAILED  ] GenEventTest.Wrong (12 ms)
        [ RUN      ] GenEventTest.LocalRemoveWaiterDifferentGens
        =================================================================
        ==8==ERROR: AddressSanitizer: stack-use-after-scope on address 0x7fc279423368 at pc 0x5583c5423a7c
        READ of size 8 at 0x7fc279423368 thread T0
        SUMMARY: AddressSanitizer: stack-use-after-scope (/work/build/tests/realm_unit_tests+0x430a7b)
        ==8==ABORTING
        """;

    [Fact]
    public void WithoutXmlTheConsoleNamesEveryCaseThatRanAndTheOneTheExecutableDiedIn()
    {
        var cases = GoogleTestXml.FromConsole(DiedOnASanReport);
        Assert.Equal(["CompQueueTest.SetCapacity", "GenEventTest.Skippy", "GenEventTest.Wrong", "GenEventTest.LocalRemoveWaiterDifferentGens"], cases.Select(c => c.Name));
        Assert.Equal([TestStatus.Passed, TestStatus.Skipped, TestStatus.Failed, TestStatus.Failed], cases.Select(c => c.Status));
        Assert.Equal(0.012, cases[2].Seconds, 3);
        Assert.Equal("the executable died in this case: ERROR: AddressSanitizer: stack-use-after-scope on address 0x7fc279423368 at pc 0x5583c5423a7c", cases[3].Message);
        Assert.Empty(GoogleTestXml.FromConsole("Segmentation fault\n"));
        Assert.Equal("the executable died in this case: no error line after it",
            Assert.Single(GoogleTestXml.FromConsole("[ RUN      ] A.B\r\n")).Message);
    }
}
