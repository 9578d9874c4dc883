using System.Collections.Immutable;

namespace RealmCi.CodeCoverage;

/// <summary>Lines of one function that the downstream's tests execute and Realm's own tests never do.</summary>
public sealed record LostFunction(string Function, ImmutableArray<int> Lines);

/// <summary>
/// One Realm source file in the comparison. <see cref="NotCompiled"/>: Realm's own build never
/// compiled it (absent from its report), so its lines are "not compiled", kept apart from lines
/// Realm compiled but its tests never executed ("not executed"). <see cref="ByRealmsOlderTests"/>:
/// lines the downstream's tests execute that the downstream's copies of Realm's own older tests
/// execute too (not counted lost); <see cref="OnlyByRealmsOlderTests"/>: lines only those older tests
/// execute (lost if Realm leaves them behind, but not the downstream's to claim).
/// </summary>
public sealed record LostFile(string File, bool NotCompiled, ImmutableArray<LostFunction> Functions, int ByRealmsOlderTests, int OnlyByRealmsOlderTests = 0)
{
    public int LostLines => Functions.Sum(f => f.Lines.Length);
}

/// <summary>The coverage Realm loses without the downstream's tests, ranked by lines; with totals.</summary>
public sealed record ComparisonReport(ImmutableArray<LostFile> Files, int RealmLinesCovered, int DownstreamLinesCovered)
{
    public int LostNotExecuted => Files.Where(f => !f.NotCompiled).Sum(f => f.LostLines);

    public int LostNotCompiled => Files.Where(f => f.NotCompiled).Sum(f => f.LostLines);

    /// <summary>Lines of Realm the downstream's copies of Realm's older tests execute (null: not measured apart).</summary>
    public int? OlderTestsLinesCovered { get; init; }

    public int AlsoByRealmsOlderTests => Files.Sum(f => f.ByRealmsOlderTests);

    public int OnlyByRealmsOlderTests => Files.Sum(f => f.OnlyByRealmsOlderTests);
}

/// <summary>
/// Compares Realm's own coverage with the downstream's over Realm's sources. Paths of the downstream's
/// report are mapped to Realm's (<c>runtime/realm/x.cc</c> → <c>src/realm/x.cc</c>) by
/// <c>toRealmPath</c>, which returns null for a file that is not Realm's. The downstream's copies of
/// Realm's own older tests (Legion's test/realm, measured apart) are a third source: lines they also
/// execute are counted apart from the loss, and lines only they execute are reported apart. Pure.
/// </summary>
public static class CoverageComparison
{
    /// <param name="isRealmSource">Which files of Realm's own report count in its total (e.g. the overlay's, not Realm's test programs); default: all.</param>
    public static ComparisonReport Compare(CoverageData realm, CoverageData downstream, Func<string, string?> toRealmPath, CoverageData? realmsOlderTests = null,
        Func<string, bool>? isRealmSource = null)
    {
        var files = new List<LostFile>();
        foreach (var name in downstream.Files.Keys.Union(realmsOlderTests?.Files.Keys ?? []).Order(StringComparer.Ordinal))
        {
            if (toRealmPath(name) is not { } path) continue;
            realm.Files.TryGetValue(path, out var own);
            var ownCount = own?.Lines.ToDictionary(l => l.Line, l => l.Count) ?? [];
            var file = downstream.Files.GetValueOrDefault(name);
            var reached = file?.Lines.Where(l => l.Count > 0).Select(l => l.Line).ToHashSet() ?? [];
            var older = realmsOlderTests?.Files.GetValueOrDefault(name)?.Lines.Where(l => l.Count > 0).Select(l => l.Line).ToHashSet() ?? [];
            var lost = (file?.Lines ?? []).Where(l => l.Count > 0 && ownCount.GetValueOrDefault(l.Line) == 0).ToList();
            var functions = lost.Where(l => !older.Contains(l.Line)).GroupBy(l => file!.FunctionAt(l.Line))
                .Select(g => new LostFunction(g.Key, [.. g.Select(l => l.Line)]))
                .OrderByDescending(f => f.Lines.Length).ThenBy(f => f.Function, StringComparer.Ordinal);
            var onlyOlder = older.Count(l => !reached.Contains(l) && ownCount.GetValueOrDefault(l) == 0);
            files.Add(new LostFile(path, own is null, [.. functions], lost.Count(l => older.Contains(l.Line)), onlyOlder));
        }
        return new ComparisonReport(
            [.. files.Where(f => f.LostLines > 0 || f.ByRealmsOlderTests > 0 || f.OnlyByRealmsOlderTests > 0)
                .OrderByDescending(f => f.LostLines).ThenBy(f => f.File, StringComparer.Ordinal)],
            realm.Files.Values.Where(f => isRealmSource?.Invoke(f.File) ?? true).Sum(f => f.LinesCovered),
            Covered(downstream, toRealmPath))
        {
            OlderTestsLinesCovered = realmsOlderTests is null ? null : Covered(realmsOlderTests, toRealmPath),
        };
    }

    private static int Covered(CoverageData data, Func<string, string?> toRealmPath) =>
        data.Files.Values.Where(f => toRealmPath(f.File) is not null).Sum(f => f.LinesCovered);
}
