using RealmCi.CMake;

namespace RealmCi.Tests.CMake;

public class WrappingTests
{
    // The shape of `ctest --show-only=json-v1` (CMake 3.25), trimmed.
    private const string Listing = """
        {"kind":"ctestInfo","version":{"major":1,"minor":0},"backtraceGraph":{"commands":[],"files":[],"nodes":[]},
         "tests":[
          {"name":"unit.version","command":["/work/build/unit_tests","version"],"backtrace":1,
           "properties":[{"name":"LABELS","value":["unit"]},{"name":"WORKING_DIRECTORY","value":"/work/build"}]},
          {"name":"integration.ranks","command":["/work/build/integration_test","-ll:cpu","4"],"backtrace":2,
           "properties":[{"name":"LABELS","value":["integration"]},{"name":"ENVIRONMENT","value":["A=1","B=x;y"]},
                         {"name":"TIMEOUT","value":240},{"name":"RESOURCE_LOCK","value":["gpu"]},{"name":"WORKING_DIRECTORY","value":"/work/build/tests"}]},
          {"name":"missing","backtrace":3,"properties":[{"name":"LABELS","value":["unit"]}]}
         ]}
        """;

    [Fact]
    public void TheListingIsReadWithCommandsLabelsAndProperties()
    {
        var tests = TestPlan.Parse(Listing);
        Assert.Equal(["unit.version", "integration.ranks", "missing"], tests.Select(t => t.Name));
        Assert.Equal(["/work/build/integration_test", "-ll:cpu", "4"], tests[1].Command);
        Assert.Equal(["integration"], tests[1].Labels);
        Assert.Empty(tests[2].Command);
    }

    [Fact]
    public void OnlyTestsWithALaunchLabelRunBehindTheLauncher()
    {
        var text = TestPlan.Wrap(TestPlan.Parse(Listing), TestPlan.Launcher(["mpirun", "-n", "{ranks}"], 2), ["integration"]);
        Assert.Contains("add_test([=[integration.ranks]=] [=[mpirun]=] [=[-n]=] [=[2]=] [=[/work/build/integration_test]=] [=[-ll:cpu]=] [=[4]=])", text);
        Assert.Contains("add_test([=[unit.version]=] [=[/work/build/unit_tests]=] [=[version]=])", text);
        Assert.DoesNotContain("missing", text); // a test ctest cannot run is left to ctest's own report
    }

    [Fact]
    public void PropertiesAreCarriedOverWithListsJoinedBySemicolons()
    {
        var text = TestPlan.Wrap(TestPlan.Parse(Listing), ["launch"], []);
        Assert.Contains("set_tests_properties([=[integration.ranks]=] PROPERTIES LABELS [=[integration]=] ENVIRONMENT [=[A=1;B=x;y]=] TIMEOUT [=[240]=] RESOURCE_LOCK [=[gpu]=] WORKING_DIRECTORY [=[/work/build/tests]=])", text);
        Assert.Contains("add_test([=[unit.version]=] [=[launch]=]", text); // no launch labels: every test is wrapped
    }

    [Fact]
    public void BracketArgumentsSurviveTextThatLooksLikeAClosingBracket() =>
        Assert.Equal("[==[a]=]b]==]", TestPlan.Bracket("a]=]b"));

    // A cross-compiled build's listing: CMake put the emulator in front of a test naming its target,
    // not in front of one given as $<TARGET_FILE:…> nor of a host tool.
    private const string CrossListing = """
        {"kind":"ctestInfo","version":{"major":1,"minor":0},"tests":[
          {"name":"unit.version","command":["/usr/bin/qemu-ppc64le","-L","/usr/powerpc64le-linux-gnu","/work/build/unit_tests","version"],"properties":[{"name":"LABELS","value":["unit"]}]},
          {"name":"integration.events","command":["/work/build/tests/events","-ll:cpu","1"],"properties":[{"name":"LABELS","value":["integration"]}]},
          {"name":"script","command":["/usr/bin/sh","/src/tests/check.sh"],"properties":[{"name":"LABELS","value":["unit"]}]}
         ]}
        """;

    private static readonly Emulation Qemu = Emulation.From(
        new Dictionary<string, string> { ["CMAKE_CROSSCOMPILING_EMULATOR"] = "qemu-ppc64le;-L;/usr/powerpc64le-linux-gnu" }, "/work/build")!;

    [Fact]
    public void TheEmulatorIsReadFromTheConfigurationsCMakeDefinitions()
    {
        Assert.Equal(["qemu-ppc64le", "-L", "/usr/powerpc64le-linux-gnu"], Qemu.Emulator);
        Assert.Null(Emulation.From(new Dictionary<string, string> { ["CMAKE_BUILD_TYPE"] = "Release" }, "/work/build"));
        Assert.Null(Emulation.From(new Dictionary<string, string> { ["CMAKE_CROSSCOMPILING_EMULATOR"] = "" }, "/work/build"));
    }

    [Fact]
    public void ABuiltProgramCMakeLeftBareRunsUnderTheEmulatorAndNothingElseChanges()
    {
        var text = TestPlan.Wrap(TestPlan.Parse(CrossListing), [], [], Qemu);
        Assert.Contains("add_test([=[integration.events]=] [=[qemu-ppc64le]=] [=[-L]=] [=[/usr/powerpc64le-linux-gnu]=] [=[/work/build/tests/events]=] [=[-ll:cpu]=] [=[1]=])", text);
        Assert.Contains("add_test([=[unit.version]=] [=[/usr/bin/qemu-ppc64le]=] [=[-L]=] [=[/usr/powerpc64le-linux-gnu]=] [=[/work/build/unit_tests]=] [=[version]=])", text); // not twice
        Assert.Contains("add_test([=[script]=] [=[/usr/bin/sh]=] [=[/src/tests/check.sh]=])", text); // a host tool stays native
    }

    [Fact]
    public void BehindALauncherTheEmulatorComesBetweenTheLauncherAndTheProgram()
    {
        var text = TestPlan.Wrap(TestPlan.Parse(CrossListing), ["mpirun", "-n", "2"], ["integration"], Qemu);
        Assert.Contains("add_test([=[integration.events]=] [=[mpirun]=] [=[-n]=] [=[2]=] [=[qemu-ppc64le]=] [=[-L]=] [=[/usr/powerpc64le-linux-gnu]=] [=[/work/build/tests/events]=]", text);
        Assert.Contains("add_test([=[unit.version]=] [=[/usr/bin/qemu-ppc64le]=]", text); // unit tests: no launcher
    }
}
