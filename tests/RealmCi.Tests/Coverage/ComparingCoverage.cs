using System.Collections.Immutable;
using RealmCi.CodeCoverage;

namespace RealmCi.Tests.CodeCoverage;

public class ComparingCoverage
{
    private static CoverageData Data(params FileCoverage[] files) =>
        new(files.ToImmutableSortedDictionary(f => f.File, f => f, StringComparer.Ordinal));

    private static FileCoverage File(string name, params (int Line, long Count)[] lines) =>
        new(name, [.. lines.Select(l => new LineCoverage(l.Line, l.Count, 0, 0))], [new("f()", 1, 1), new("g()", 10, 1)]);

    private static string? Map(string path) => path.StartsWith("runtime/realm/", StringComparison.Ordinal) ? "src/realm/" + path["runtime/realm/".Length..] : null;

    [Fact]
    public void NotExecutedIsKeptApartFromNotCompiledAndRankedByLines()
    {
        var realm = Data(File("src/realm/a.cc", (2, 1), (3, 0), (11, 0)));
        var legion = Data(
            File("runtime/realm/a.cc", (2, 5), (3, 5), (11, 2)),
            File("runtime/realm/gpu.cc", (2, 1), (3, 1), (4, 1), (12, 1)),
            File("legion/runtime.cc", (1, 9)));
        var report = CoverageComparison.Compare(realm, legion, Map);

        Assert.Equal(["src/realm/gpu.cc", "src/realm/a.cc"], report.Files.Select(f => f.File));
        Assert.True(report.Files[0].NotCompiled);
        Assert.Equal((4, 2), (report.LostNotCompiled, report.LostNotExecuted));
        var a = report.Files[1];
        Assert.Equal([("f()", new[] { 3 }), ("g()", new[] { 11 })], a.Functions.Select(f => (f.Function, f.Lines.ToArray())).OrderBy(x => x.Function));
    }

    [Fact]
    public void LinesRealmsOlderTestsInTheDownstreamAlsoRunAreNotCountedLost()
    {
        var realm = Data(File("src/realm/a.cc", (2, 0), (3, 0)));
        var legion = Data(File("runtime/realm/a.cc", (2, 1), (3, 1)));
        var older = Data(File("runtime/realm/a.cc", (2, 1), (3, 0)));
        var f = Assert.Single(CoverageComparison.Compare(realm, legion, Map, older).Files);
        Assert.Equal((1, 1), (f.LostLines, f.ByRealmsOlderTests));
    }

    [Fact]
    public void LinesOnlyRealmsOlderTestsRunAreReportedApartNotAsTheDownstreams()
    {
        var realm = Data(File("src/realm/a.cc", (2, 0), (3, 0), (4, 1), (5, 0)), File("src/realm/b.cc", (1, 0)));
        var legion = Data(File("runtime/realm/a.cc", (2, 1), (3, 0), (4, 1), (5, 0)));
        var older = Data(File("runtime/realm/a.cc", (2, 1), (3, 1), (4, 1), (5, 0)), File("runtime/realm/b.cc", (1, 3)), File("test/realm/t.cc", (1, 1)));
        var report = CoverageComparison.Compare(realm, legion, Map, older);

        Assert.Equal([("src/realm/a.cc", 0, 1, 1), ("src/realm/b.cc", 0, 0, 1)], report.Files.Select(f => (f.File, f.LostLines, f.ByRealmsOlderTests, f.OnlyByRealmsOlderTests)));
        Assert.Equal((0, 1, 2, 4), (report.LostNotExecuted, report.AlsoByRealmsOlderTests, report.OnlyByRealmsOlderTests, report.OlderTestsLinesCovered));
        Assert.Contains("cover 4 lines of Realm: **1** of the lines mini-legion's tests reach are reached by them too (not counted lost), and **2** lines only by them", ComparisonMarkdown.Write(report, "mini-legion"));
        Assert.Null(CoverageComparison.Compare(realm, legion, Map).OlderTestsLinesCovered);
        var withTests = Data(File("src/realm/a.cc", (4, 1)), File("tests/unit.cc", (1, 1), (2, 1)));
        Assert.Equal((3, 1), (CoverageComparison.Compare(withTests, legion, Map).RealmLinesCovered,
            CoverageComparison.Compare(withTests, legion, Map, isRealmSource: p => p.StartsWith("src/realm/", StringComparison.Ordinal)).RealmLinesCovered)); // Realm's test programs are not Realm's sources
        Assert.Contains("were not measured apart", ComparisonMarkdown.Write(CoverageComparison.Compare(realm, legion, Map), "mini-legion"));
    }

    [Fact]
    public void TheOverlayMapsTheDownstreamsPathsBackAndNamesWhichOfRealmsFilesItBrings()
    {
        var plan = new RealmCi.Downstream.CompositionPlan("legion", "overlay", "/copy",
            [new(RealmCi.Downstream.CompositionAction.Overlay, "/r/src/realm", "runtime/realm"), new(RealmCi.Downstream.CompositionAction.Overlay, "/r/src/realm.h", "runtime/realm.h")],
            ImmutableSortedDictionary<string, string>.Empty, [], []);
        var toRealm = OverlayMapping.ToRealm(plan, "/r");
        Assert.Equal(("src/realm/x/y.cc", "src/realm.h", null), (toRealm("runtime/realm/x/y.cc"), toRealm("runtime/realm.h"), toRealm("runtime/legion.cc")));
        var overlaid = OverlayMapping.IsOverlaid(plan, "/r/");
        Assert.Equal([true, true, false, false], new[] { "src/realm/x/y.cc", "src/realm.h", "src/realm.hpp", "tests/unit.cc" }.Select(overlaid));
    }

    [Fact]
    public void LinesPrintAsRanges() => Assert.Equal("3-5, 9, 11-12", ComparisonMarkdown.Ranges([11, 3, 4, 5, 9, 12]));
}
