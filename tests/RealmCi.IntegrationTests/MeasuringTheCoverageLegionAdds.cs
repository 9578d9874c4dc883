using System.Collections.Immutable;
using RealmCi.CodeCoverage;
using RealmCi.Downstream;
using RealmCi.Matrix;

namespace RealmCi.IntegrationTests;

/// <summary>
/// Real gcc --coverage builds of the fixtures on this host, real ctest, real gcovr 5.2: the fixture
/// Realm's own tests and its downstream's tests (composed by the fixture matrix's overlay), then
/// the comparison. realm::sum is called only by mini-legion: its lines are the coverage lost without it.
/// </summary>
public class MeasuringTheCoverageLegionAdds
{
    private readonly string work = Directory.CreateTempSubdirectory("realm-ci-coverage-").FullName;

    [Fact]
    public async Task TheDownstreamsOwnLinesAreReportedLostAndRealmsOwnAreNot()
    {
        var realmRoot = Copy(EngineFixture.FixtureSource, Path.Combine(work, "realm"));
        var realm = await Measure(realmRoot, Path.Combine(work, "realm-build"), ["-DREALM_BUILD_TESTS=ON"], ["-L", "unit"]);

        var matrix = MatrixFile.Open(Path.Combine(EngineFixture.FixtureSource, "matrix.yaml")).Definition;
        var d = matrix.Downstreams["mini-legion"];
        var plan = CompositionPlanner.Plan(d with { Patches = [] }, new ComposeInputs(realmRoot, Path.Combine(EngineFixture.Root, "tests", "fixtures", "mini-legion"), false, [],
            Path.Combine(work, "legion"), p => Path.Exists(Path.Combine(realmRoot, p))));
        await Composer.ApplyAsync(plan, _ => { }, CancellationToken.None);
        var legion = await Measure(plan.Destination, Path.Combine(work, "legion-build"), [], ["-R", "^legion_"]);

        var own = Assert.Single(realm.Files.Values, f => f.File == "src/realm.cc");
        Assert.Contains(own.Lines, l => l.Line == 3 && l.Count > 0);  // version(): unit.version
        Assert.Contains(own.Lines, l => l.Line == 7 && l.Count == 0);  // sum(): never by Realm's own tests
        Assert.Contains("| `src/realm.cc` |", CoverageMarkdown.Write(realm, "Realm"));

        var report = CoverageComparison.Compare(realm, legion, OverlayMapping.ToRealm(plan, realmRoot));
        var lost = Assert.Single(report.Files);
        Assert.Equal(("src/realm.cc", false), (lost.File, lost.NotCompiled));
        var sum = Assert.Single(lost.Functions);
        Assert.Equal("realm::sum(int const*, int)", sum.Function);
        Assert.Equal([6, 7, 8, 9, 10], sum.Lines.ToArray());
        Assert.Equal(5, report.LostNotExecuted);
        Assert.Contains("| `src/realm.cc` | 5 | not executed | `realm::sum(int const*, int)` (6-10) |", ComparisonMarkdown.Write(report, "mini-legion"));
    }

    [Fact]
    public async Task RealmsOlderTestsInTheDownstreamAreMeasuredApartAndShrinkTheLoss()
    {
        var realmRoot = Copy(EngineFixture.FixtureSource, Path.Combine(work, "realm"));
        var realm = await Measure(realmRoot, Path.Combine(work, "realm-build"), ["-DREALM_BUILD_TESTS=ON"], ["-L", "unit"]);
        var d = MatrixFile.Open(Path.Combine(EngineFixture.FixtureSource, "matrix.yaml")).Definition.Downstreams["mini-legion"];
        var plan = CompositionPlanner.Plan(d with { Patches = [] }, new ComposeInputs(realmRoot, Path.Combine(EngineFixture.Root, "tests", "fixtures", "mini-legion"), false, [],
            Path.Combine(work, "legion"), p => Path.Exists(Path.Combine(realmRoot, p))));
        await Composer.ApplyAsync(plan, _ => { }, CancellationToken.None);
        var own = d.Tests.RealmsOwn!; // the matrix's selection of Realm's older tests, as the Canary target runs it: apart
        var legion = await Measure(plan.Destination, Path.Combine(work, "legion-build"), [], ["-R", d.Tests.Regex!]);
        var older = await Measure(plan.Destination, Path.Combine(work, "older-build"), [], ["-R", own.Regex!]);

        var report = CoverageComparison.Compare(realm, legion, OverlayMapping.ToRealm(plan, realmRoot), older);
        var file = Assert.Single(report.Files);
        Assert.Equal([9], Assert.Single(file.Functions).Lines.ToArray()); // sum's loop body: only legion_reduce runs it
        Assert.Equal((4, 3), (file.ByRealmsOlderTests, file.OnlyByRealmsOlderTests)); // sum's other lines; first()'s 13, 14, 16
        Assert.Equal(1, report.LostNotExecuted);
        var withoutApart = CoverageComparison.Compare(realm, legion, OverlayMapping.ToRealm(plan, realmRoot));
        Assert.Equal(5, withoutApart.LostNotExecuted); // what the report would overstate without them
    }

    [Fact]
    public async Task TheCoverageStepReadsTheCountersWithTheGcovTheEnvironmentNamesAndSaysWhenTheImageHasNone()
    {
        var layout = new RealmCi.CMake.WorkLayout(Copy(EngineFixture.FixtureSource, Path.Combine(work, "realm")), Path.Combine(work, "named"));
        var data = await Measure(layout.Source, layout.Work, ["-DREALM_BUILD_TESTS=ON"], ["-L", "unit"], gcov: "gcov-12"); // what the matrix's gcc12 value names
        Assert.Contains(data.Files.Values, f => f.File == "src/realm.cc");
        Assert.True(File.Exists(Path.Combine(layout.Work, CoverageBuild.Cobertura)));

        var step = CoverageBuild.Gcovr(layout);
        var missing = await Processes.CaptureAsync(step[0], step.Skip(1), CancellationToken.None, env: new Dictionary<string, string> { ["GCOV"] = "gcov-99" });
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("realm-ci: no 'gcov-99' in the image to read the coverage counters: give the compiler value its gcov (env GCOV, e.g. gcov-12 for gcc-12; clang's counters need 'llvm-cov-N gcov')", missing.Stderr.Trim());
    }

    /// <summary>A --coverage build of <paramref name="source"/> in WORK/build, its tests, then the coverage step's own command (CoverageBuild.Gcovr).</summary>
    private static async Task<CoverageData> Measure(string source, string work, string[] defines, string[] select, string? gcov = null)
    {
        var layout = new RealmCi.CMake.WorkLayout(source, work);
        string[] coverage = ["-DCMAKE_BUILD_TYPE=Debug", "-DCMAKE_CXX_FLAGS=--coverage", "-DCMAKE_EXE_LINKER_FLAGS=--coverage"];
        await Run("cmake", ["-S", source, "-B", layout.Build, "-G", "Ninja", .. coverage, .. defines]);
        await Run("cmake", ["--build", layout.Build]);
        await Run("ctest", ["--test-dir", layout.Build, .. select]);
        var step = CoverageBuild.Gcovr(layout);
        await Run(step[0], [.. step.Skip(1)], gcov is null ? null : new Dictionary<string, string> { ["GCOV"] = gcov });
        return GcovrJson.Parse(File.ReadAllText(Path.Combine(work, CoverageBuild.Json)));
    }

    private static async Task Run(string program, string[] args, IReadOnlyDictionary<string, string>? env = null)
    {
        var r = await Processes.CaptureAsync(program, args, CancellationToken.None, env: env);
        Assert.True(r.ExitCode == 0, $"{program} {string.Join(' ', args)}: {r.Stdout}{r.Stderr}");
    }

    private static string Copy(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        return to;
    }
}
