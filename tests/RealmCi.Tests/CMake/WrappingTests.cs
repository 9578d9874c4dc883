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
}
