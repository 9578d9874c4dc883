using System.Collections.Immutable;

namespace RealmCi.CodeCoverage;

/// <summary>Lines of one function that the downstream's tests execute and Realm's own tests never do.</summary>
public sealed record LostFunction(string Function, ImmutableArray<int> Lines);

/// <summary>
/// One Realm source file in the comparison. <see cref="NotCompiled"/>: Realm's own build never
/// compiled it (absent from its report), so its lines are "not compiled", kept apart from lines
/// Realm compiled but its tests never executed ("not executed").
/// </summary>
public sealed record LostFile(string File, bool NotCompiled, ImmutableArray<LostFunction> Functions, int ByRealmsOlderTests)
{
    public int LostLines => Functions.Sum(f => f.Lines.Length);
}

/// <summary>The coverage Realm loses without the downstream's tests, ranked by lines; with totals.</summary>
public sealed record ComparisonReport(ImmutableArray<LostFile> Files, int RealmLinesCovered, int DownstreamLinesCovered)
{
    public int LostNotExecuted => Files.Where(f => !f.NotCompiled).Sum(f => f.LostLines);

    public int LostNotCompiled => Files.Where(f => f.NotCompiled).Sum(f => f.LostLines);
}

/// <summary>
/// Compares Realm's own coverage with the downstream's over Realm's sources. Paths of the downstream's
/// report are mapped to Realm's (<c>runtime/realm/x.cc</c> → <c>src/realm/x.cc</c>) by
/// <c>toRealmPath</c>, which returns null for a file that is not Realm's. Lines that the
/// downstream's copies of Realm's own older tests also execute (Legion's test/realm, when given)
/// count apart: they would otherwise overstate the loss. Pure.
/// </summary>
public static class CoverageComparison
{
    public static ComparisonReport Compare(CoverageData realm, CoverageData downstream, Func<string, string?> toRealmPath, CoverageData? realmsOlderTests = null)
    {
        var files = new List<LostFile>();
        foreach (var file in downstream.Files.Values)
        {
            if (toRealmPath(file.File) is not { } path) continue;
            realm.Files.TryGetValue(path, out var own);
            var ownCount = own?.Lines.ToDictionary(l => l.Line, l => l.Count) ?? [];
            var older = realmsOlderTests?.Files.GetValueOrDefault(file.File)?.Lines.Where(l => l.Count > 0).Select(l => l.Line).ToHashSet() ?? [];
            var lost = file.Lines.Where(l => l.Count > 0 && ownCount.GetValueOrDefault(l.Line) == 0).ToList();
            if (lost.Count == 0) continue;
            var functions = lost.Where(l => !older.Contains(l.Line)).GroupBy(l => file.FunctionAt(l.Line))
                .Select(g => new LostFunction(g.Key, [.. g.Select(l => l.Line)]))
                .OrderByDescending(f => f.Lines.Length).ThenBy(f => f.Function, StringComparer.Ordinal);
            files.Add(new LostFile(path, own is null, [.. functions], lost.Count(l => older.Contains(l.Line))));
        }
        return new ComparisonReport(
            [.. files.Where(f => f.LostLines > 0 || f.ByRealmsOlderTests > 0).OrderByDescending(f => f.LostLines).ThenBy(f => f.File, StringComparer.Ordinal)],
            realm.Files.Values.Sum(f => f.LinesCovered),
            downstream.Files.Values.Where(f => toRealmPath(f.File) is not null).Sum(f => f.LinesCovered));
    }
}
