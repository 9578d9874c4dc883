using RealmCi.Downstream;

namespace RealmCi.CodeCoverage;

/// <summary>
/// The canary with --coverage: Realm's own gcovr JSON (<c>ARTIFACTS/ID/</c>) against the downstream's
/// (<c>ARTIFACTS/NAME/ID/</c>), mapped through the overlay, written as <c>coverage-lost.md</c> in the
/// downstream's folder. Both come from the same configuration: same image, build type and features.
/// The downstream's copies of Realm's own older tests, when run apart (<c>ARTIFACTS/NAME/realms-own-tests/ID/</c>),
/// are the comparison's third source.
/// </summary>
public static class CoverageLost
{
    public const string FileName = "coverage-lost.md";

    public static string? Write(string realmFolder, string downstreamFolder, CompositionPlan plan, string realmRoot, string downstream, string? olderTestsFolder = null)
    {
        string realmJson = Path.Combine(realmFolder, CoverageBuild.Json), downstreamJson = Path.Combine(downstreamFolder, CoverageBuild.Json);
        if (!File.Exists(realmJson) || !File.Exists(downstreamJson)) return null;
        var olderJson = olderTestsFolder is null ? null : Path.Combine(olderTestsFolder, CoverageBuild.Json);
        var older = olderJson is not null && File.Exists(olderJson) ? GcovrJson.Parse(File.ReadAllText(olderJson)) : null;
        var report = CoverageComparison.Compare(GcovrJson.Parse(File.ReadAllText(realmJson)), GcovrJson.Parse(File.ReadAllText(downstreamJson)), OverlayMapping.ToRealm(plan, realmRoot), older,
            OverlayMapping.IsOverlaid(plan, realmRoot));
        var path = Path.Combine(downstreamFolder, FileName);
        Reporting.AtomicFile.WriteText(path, ComparisonMarkdown.Write(report, downstream));
        return path;
    }
}
