using System.Collections.Immutable;
using RealmCi.Downstream;
using RealmCi.Matrix;

namespace RealmCi.Tests.Downstream;

public class PlanningAComposition
{
    private static readonly DownstreamProject Legion = new("legion", "https://example.org/legion.git", "legion-25.06.0",
        new Composition([new(["src/realm/", "runtime/realm/"], "runtime/realm/"), new(["src/realm.h", "runtime/realm.h"], "runtime/realm.h")], null),
        SourceSpan.None("m.yaml"))
    {
        Cmake = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("Legion_BUILD_TESTS", "ON")]),
        InheritCmake = ["CMAKE_BUILD_TYPE", "CMAKE_*_COMPILER"],
        Tests = new DownstreamTests([], [], "^realm_", null, 240),
    };

    private static ComposeInputs Inputs(params string[] realmHas) =>
        new("/r", "/legion", true, ["/r/p/0001.patch", "/r/p/0002.patch"], "/a/legion/.composed", p => realmHas.Contains(p));

    [Fact]
    public void AnOverlayChecksOutTheRefAppliesThePatchesThenOverlaysTheFirstExistingPath()
    {
        var plan = CompositionPlanner.Plan(Legion, Inputs("src/realm", "src/realm.h"));
        Assert.True(plan.CanCompose);
        Assert.Equal(
        [
            new CompositionStep(CompositionAction.Checkout, "/legion", "", "legion-25.06.0"),
            new CompositionStep(CompositionAction.Patch, "/r/p/0001.patch", ""),
            new CompositionStep(CompositionAction.Patch, "/r/p/0002.patch", ""),
            new CompositionStep(CompositionAction.Overlay, "/r/src/realm", "runtime/realm"),
            new CompositionStep(CompositionAction.Overlay, "/r/src/realm.h", "runtime/realm.h"),
        ], plan.Steps.ToArray());
        Assert.Equal(["runtime/realm/", "runtime/realm.h"], plan.RealmPaths.ToArray());
    }

    [Fact]
    public void WhenBothLayoutsExistTheFirstListedWins() =>
        Assert.Equal("/r/src/realm", CompositionPlanner.Plan(Legion, Inputs("src/realm", "runtime/realm", "src/realm.h")).Steps[3].From);

    [Fact]
    public void LegionsOwnLayoutIsTheSecondChoice()
    {
        var plan = CompositionPlanner.Plan(Legion, Inputs("runtime/realm", "runtime/realm.h"));
        Assert.Equal("/r/runtime/realm", plan.Steps[3].From);
    }

    [Fact]
    public void ARealmWithNoneOfThePathsCannotBeComposedAndSaysWhich()
    {
        var plan = CompositionPlanner.Plan(Legion, Inputs("src/realm"));
        Assert.False(plan.CanCompose);
        Assert.Equal("legion: the Realm under test (/r) has none of src/realm.h, runtime/realm.h (overlay onto runtime/realm.h)", Assert.Single(plan.Problems));
    }

    [Fact]
    public void APlainFolderIsCopiedNotCheckedOut()
    {
        var plan = CompositionPlanner.Plan(Legion, Inputs("src/realm", "src/realm.h") with { DownstreamIsGit = false });
        Assert.Equal(new CompositionStep(CompositionAction.Copy, "/legion", ""), plan.Steps[0]);
    }

    [Fact]
    public void AnInstallCopiesEachConfigurationsInstallTreeAndTheConfigurationPointsAtItsOwn()
    {
        var install = Legion with { Compose = new Composition([], "CMAKE_PREFIX_PATH") };
        var inputs = Inputs() with
        {
            RealmInstalls = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("debug-local", "/a/debug-local/install")]),
        };
        var plan = CompositionPlanner.Plan(install, inputs);
        Assert.Equal(new CompositionStep(CompositionAction.Install, "/a/debug-local/install", ".realm-install/debug-local"), plan.Steps[^1]);
        Assert.Empty(plan.RealmPaths.ToArray());

        var realm = new BuildConfiguration("debug-local", [], new BaseImage("b", "debian:bookworm", null, "apt", SourceSpan.None("m.yaml")), Facets.Empty);
        var downstream = DownstreamConfiguration.For(realm, install, plan, "/src");
        Assert.Equal("/src/.realm-install/debug-local", downstream.Settings.Cmake["CMAKE_PREFIX_PATH"]);
    }

    [Fact]
    public void AnInstallWithNothingInstalledCannotBeComposed()
    {
        var plan = CompositionPlanner.Plan(Legion with { Compose = new Composition([], "CMAKE_PREFIX_PATH") }, Inputs());
        Assert.Contains("needs the Realm under test installed first", Assert.Single(plan.Problems));
    }

    [Fact]
    public void TheDownstreamConfigurationInheritsOnlyWhatItNamesAndTakesTheDownstreamsTests()
    {
        var settings = Facets.Empty with
        {
            Cmake = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
            {
                ["CMAKE_BUILD_TYPE"] = "Debug", ["CMAKE_CXX_COMPILER"] = "g++-12", ["REALM_BUILD_TESTS"] = "ON", ["Legion_BUILD_TESTS"] = "OFF",
            }),
            Test = new TestFacet { Labels = ["unit"], Timeout = 60 },
            Env = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("REALM_BACKTRACE", "1")]),
        };
        var realm = new BuildConfiguration("gcc12-debug", [], new BaseImage("b", "debian:bookworm", null, "apt", SourceSpan.None("m.yaml")), settings);
        var plan = CompositionPlanner.Plan(Legion, Inputs("src/realm", "src/realm.h"));
        var d = DownstreamConfiguration.For(realm, Legion, plan, "/src");

        Assert.Equal("gcc12-debug", d.Id);
        Assert.Equal(["CMAKE_BUILD_TYPE", "CMAKE_CXX_COMPILER", "CMAKE_EXPORT_COMPILE_COMMANDS", "Legion_BUILD_TESTS"], d.Settings.Cmake.Keys);
        Assert.Equal("ON", d.Settings.Cmake["Legion_BUILD_TESTS"]); // the downstream's own wins
        Assert.Equal(("^realm_", 240), (d.Settings.Test.Regex, d.Settings.Test.Timeout));
        Assert.Empty(d.Settings.Test.Labels);
        Assert.Equal("1", d.Settings.Env["REALM_BACKTRACE"]); // same env, same image
    }

    [Fact]
    public void RealmsOwnTestsAreLeftOutOfTheDownstreamsSelectionAndRunByTheirOwn()
    {
        var realm = new BuildConfiguration("debug-local", [], new BaseImage("b", "debian:bookworm", null, "apt", SourceSpan.None("m.yaml")), Facets.Empty);
        var plan = CompositionPlanner.Plan(Legion, Inputs("src/realm", "src/realm.h"));
        var byName = Legion with { Targets = ["all"], Tests = Legion.Tests with { ExcludeRegex = "^slow$", RealmsOwn = new RealmsOwnTests([], "^(coverings|deppart)$", ["test/realm/all"]) } };

        var main = DownstreamConfiguration.For(realm, byName, plan, "/src").Settings;
        Assert.Equal(("^realm_", "(?:^slow$)|(?:^(coverings|deppart)$)"), (main.Test.Regex, main.Test.ExcludeRegex));
        Assert.Equal(["all"], main.Targets.ToArray());
        var own = DownstreamConfiguration.ForRealmsOwnTests(realm, byName, plan, "/src").Settings;
        Assert.Equal(("^(coverings|deppart)$", null, 240), (own.Test.Regex, own.Test.ExcludeRegex, own.Test.Timeout));
        Assert.Equal(["test/realm/all"], own.Targets.ToArray());
        Assert.Equal(main.Cmake, own.Cmake); // the same build: only the selection and the targets differ

        var byLabel = Legion with { Tests = Legion.Tests with { RealmsOwn = new RealmsOwnTests(["realm"], null, []) } };
        Assert.Equal(["realm"], DownstreamConfiguration.For(realm, byLabel, plan, "/src").Settings.Test.ExcludeLabels.ToArray());
        Assert.Equal(["realm"], DownstreamConfiguration.ForRealmsOwnTests(realm, byLabel, plan, "/src").Settings.Test.Labels.ToArray());
    }

    [Fact]
    public void EachHalfOfTheSplitAccountsTheOtherHalfsTestsAsRunThereNotAsFilteredAway()
    {
        var realm = new BuildConfiguration("debug-local", [], new BaseImage("b", "debian:bookworm", null, "apt", SourceSpan.None("m.yaml")), Facets.Empty);
        var plan = CompositionPlanner.Plan(Legion, Inputs("src/realm", "src/realm.h"));
        var split = Legion with { Tests = new DownstreamTests([], [], null, "^slow$", 240) { RealmsOwn = new RealmsOwnTests([], "^(coverings|deppart)$", []) } };
        var listing = RealmCi.CMake.TestPlan.Parse("""{"kind":"ctestInfo","version":{"major":1,"minor":0},"tests":[""" +
            string.Join(",", new[] { "legion_a", "legion_b", "legion_c", "coverings", "deppart", "slow" }.Select(n => $$"""{"name":"{{n}}","command":["/work/build/{{n}}"]}""")) + "]}");
        RealmCi.Results.TestCaseResult Ran(string name) => new(name, RealmCi.Results.TestStatus.Passed, 1);

        var main = RealmCi.Execution.TestAccounting.Account(listing, [Ran("legion_a"), Ran("legion_b"), Ran("legion_c")],
            RealmCi.Execution.TestSelection.Of(DownstreamConfiguration.For(realm, split, plan, "/src").Settings.Test, []), _ => [], RealmCi.Matrix.Quarantine.Empty, "debug-local");
        Assert.Equal((RealmCi.Results.TestLeftOut.RunElsewhere, "runs in legion's run of Realm's older tests"), (main.Single(t => t.Name == "coverings").LeftOut, main.Single(t => t.Name == "coverings").Message));
        Assert.Equal(RealmCi.Results.TestLeftOut.LabelFilter, main.Single(t => t.Name == "slow").LeftOut); // left out by the downstream's own filter: run nowhere

        var own = RealmCi.Execution.TestAccounting.Account(listing, [Ran("coverings"), Ran("deppart")],
            RealmCi.Execution.TestSelection.Of(DownstreamConfiguration.ForRealmsOwnTests(realm, split, plan, "/src").Settings.Test, []), _ => [], RealmCi.Matrix.Quarantine.Empty, "debug-local");
        Assert.Equal(["runs in the legion run"], own.Where(t => t.Name.StartsWith("legion_", StringComparison.Ordinal)).Select(t => t.Message).Distinct());
        Assert.Equal(RealmCi.Results.TestLeftOut.LabelFilter, own.Single(t => t.Name == "slow").LeftOut); // the other half leaves it out too
        // 4 of 6 left out of the older tests' run, 3 of them run in the other half: no "mostly filtered away" warning.
        var tally = RealmCi.Results.TestTally.Of(own);
        Assert.Null(tally.Warning);
        Assert.Equal((2, 3, 1), (tally.Ran, tally.NotRun[RealmCi.Results.TestLeftOut.RunElsewhere], tally.NotRun[RealmCi.Results.TestLeftOut.LabelFilter]));
    }
}
