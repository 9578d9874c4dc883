using System.Globalization;
using System.Text;

namespace RealmCi.CodeCoverage;

/// <summary>The Markdown summary realm-ci writes from gcovr's JSON (gcovr 5.2 has no Markdown output): line and branch percentages per file, with totals.</summary>
public static class CoverageMarkdown
{
    public static string Write(CoverageData data, string title)
    {
        var md = new StringBuilder().AppendLine($"# {title}").AppendLine()
            .AppendLine("| File | Lines | Line % | Branches | Branch % |").AppendLine("|---|---:|---:|---:|---:|");
        foreach (var f in data.Files.Values)
            md.AppendLine($"| `{f.File}` | {f.LinesCovered}/{f.Lines.Length} | {Percent(f.LinesCovered, f.Lines.Length)} | {f.BranchesTaken}/{f.BranchesTotal} | {Percent(f.BranchesTaken, f.BranchesTotal)} |");
        int lines = data.Files.Values.Sum(f => f.Lines.Length), covered = data.Files.Values.Sum(f => f.LinesCovered);
        int branches = data.Files.Values.Sum(f => f.BranchesTotal), taken = data.Files.Values.Sum(f => f.BranchesTaken);
        md.AppendLine($"| **total** ({data.Files.Count} files) | {covered}/{lines} | {Percent(covered, lines)} | {taken}/{branches} | {Percent(taken, branches)} |");
        return md.ToString();
    }

    internal static string Percent(int part, int whole) =>
        whole == 0 ? "—" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
