using System.Collections.Immutable;
using RealmCi.CMake;
using RealmCi.CodeCoverage;
using RealmCi.Execution;
using RealmCi.Matrix;

namespace RealmCi.Tests.CodeCoverage;

public class InstrumentingABuild
{
    private static readonly BuildConfiguration Config = new("gcc12-debug", [], new BaseImage("b", "debian:bookworm", null, "apt", SourceSpan.None("m.yaml")),
        Facets.Empty with { Cmake = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("CMAKE_CXX_FLAGS", "-Wall")]), Packages = ["g++"] });

    [Fact]
    public void CoverageIsAppendedToTheFlagsAndGcovrAddedToTheImage()
    {
        var c = CoverageBuild.Instrument(Config);
        Assert.Equal("-Wall --coverage -fprofile-update=atomic", c.Settings.Cmake["CMAKE_CXX_FLAGS"]); // threads racing on a counter make gcov's counts negative
        Assert.Equal("--coverage -fprofile-update=atomic", c.Settings.Cmake["CMAKE_C_FLAGS"]);
        Assert.Equal("--coverage", c.Settings.Cmake["CMAKE_SHARED_LINKER_FLAGS"]);
        Assert.Equal(["g++", "gcovr"], c.Settings.Packages.ToArray());
        Assert.Equal(c.Settings.Packages, CoverageBuild.Instrument(c).Settings.Packages); // once
        Assert.Equal(Config.Id, c.Id);
    }

    [Fact]
    public void ACoverageRunHasAGcovrStepAfterTheTests()
    {
        var options = new PipelineOptions { Source = "/s", Artifacts = "/a", Cache = "/c", Coverage = true };
        var plan = StepPlanner.Plan(CoverageBuild.Instrument(Config), options, ExecutorLayout.Host("/s", "/a/gcc12-debug", "/c/ccache", false), 2);
        Assert.Equal([StepKind.Configure, StepKind.Build, StepKind.Test, StepKind.Coverage, StepKind.Install], plan.Steps.Select(s => s.Kind));
        var command = plan.Step(StepKind.Coverage).Command;
        Assert.Equal(["sh", "-ec"], command.Take(2));
        Assert.Contains("mkdir -p \"$(dirname \"$5\")\"\n", command[2]); // the HTML pages' own folder
        Assert.Contains("exec gcovr --gcov-ignore-parse-errors --root \"$1\" --object-directory \"$2\" --json \"$3\" --cobertura \"$4\" --html-details \"$5\" --print-summary \"$2\"", command[2]);
        Assert.Equal(["realm-ci-coverage", "/s", "/a/gcc12-debug/build", "/a/gcc12-debug/coverage.json", "/a/gcc12-debug/cobertura.xml", "/a/gcc12-debug/coverage/index.html"],
            command.Skip(3));
        Assert.DoesNotContain(plan.For(runTests: false), s => s.Kind == StepKind.Coverage);
        Assert.DoesNotContain(StepPlanner.Plan(Config, options with { Coverage = false }, ExecutorLayout.Host("/s", "/a/x", "/c", false), 2).Steps, s => s.Kind == StepKind.Coverage);
    }
}
