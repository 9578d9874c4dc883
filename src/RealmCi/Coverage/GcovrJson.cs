using System.Collections.Immutable;
using System.Text.Json;

namespace RealmCi.CodeCoverage;

/// <summary>
/// Reads gcovr's JSON report (<c>gcovr --json</c>, format 0.x of gcovr 5.2: files → lines with
/// counts and branches, functions with start lines). Lines gcovr marks non-code or excluded are
/// left out. Only files whose path <paramref name="keep"/> accepts are kept (e.g. Realm's sources).
/// </summary>
public static class GcovrJson
{
    public static CoverageData Parse(string json, Func<string, bool>? keep = null)
    {
        using var document = JsonDocument.Parse(json);
        var files = ImmutableSortedDictionary.CreateBuilder<string, FileCoverage>(StringComparer.Ordinal);
        foreach (var file in document.RootElement.GetProperty("files").EnumerateArray())
        {
            var path = file.GetProperty("file").GetString()!.Replace('\\', '/');
            if (keep is not null && !keep(path)) continue;
            var lines = file.GetProperty("lines").EnumerateArray()
                .Where(l => !Flag(l, "gcovr/noncode") && !Flag(l, "gcovr/excluded"))
                .Select(l =>
                {
                    var branches = l.TryGetProperty("branches", out var b) ? b.EnumerateArray().ToList() : [];
                    return new LineCoverage(l.GetProperty("line_number").GetInt32(), l.GetProperty("count").GetInt64(),
                        branches.Count, branches.Count(x => x.GetProperty("count").GetInt64() > 0));
                });
            var functions = file.TryGetProperty("functions", out var fs)
                ? fs.EnumerateArray().Select(f => new FunctionCoverage(f.GetProperty("name").GetString()!, f.GetProperty("lineno").GetInt32(), f.GetProperty("execution_count").GetInt64()))
                : [];
            // gcovr lists a header once per translation unit that includes it: merge by line (counts add up).
            var merged = files.TryGetValue(path, out var seen) ? seen.Lines.Concat(lines) : lines;
            files[path] = new FileCoverage(path,
                [.. merged.GroupBy(l => l.Line).Select(g => new LineCoverage(g.Key, g.Sum(l => l.Count), g.Max(l => l.Branches), g.Max(l => l.BranchesTaken))).OrderBy(l => l.Line)],
                [.. (seen?.Functions ?? []).Concat(functions).DistinctBy(f => (f.Name, f.StartLine))]);
        }
        return new CoverageData(files.ToImmutable());
    }

    private static bool Flag(JsonElement line, string name) => line.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
