using System.Text;

namespace RealmCi.CodeCoverage;

/// <summary>"Coverage lost without the downstream": the comparison as Markdown, ranked, "not executed" apart from "not compiled".</summary>
public static class ComparisonMarkdown
{
    public static string Write(ComparisonReport report, string downstream)
    {
        var md = new StringBuilder().AppendLine($"# Coverage lost without {downstream}").AppendLine()
            .AppendLine($"Lines of Realm's sources that {downstream}'s tests execute and Realm's own tests never do: " +
                        $"**{report.LostNotExecuted}** in code Realm's own build compiles (not executed), " +
                        $"**{report.LostNotCompiled}** in files it does not compile (not compiled). " +
                        $"Of Realm's sources, Realm's own tests cover {report.RealmLinesCovered} lines; {downstream}'s cover {report.DownstreamLinesCovered}.").AppendLine()
            .AppendLine(report.OlderTestsLinesCovered is { } older
                ? $"Realm's own older tests in {downstream}'s tree, run and measured apart, cover {older} lines of Realm: **{report.AlsoByRealmsOlderTests}** of the lines {downstream}'s tests reach are reached by them too (not counted lost), and **{report.OnlyByRealmsOlderTests}** lines only by them (lost if Realm does not keep those tests; not {downstream}'s)."
                : $"Realm's own older tests in {downstream}'s tree were not measured apart (no realms-own-tests): where {downstream}'s selection runs them, their lines count as {downstream}'s.").AppendLine()
            .AppendLine($"| File | Lost lines | Kind | Functions (lines) | Also run by Realm's older tests in {downstream} | Run only by them |").AppendLine("|---|---:|---|---|---:|---:|");
        foreach (var f in report.Files)
            md.AppendLine($"| `{f.File}` | {f.LostLines} | {(f.NotCompiled ? "not compiled" : "not executed")} | " +
                $"{string.Join("; ", f.Functions.Take(8).Select(x => $"`{x.Function}` ({Ranges(x.Lines)})"))}{(f.Functions.Length > 8 ? "; …" : "")} | {f.ByRealmsOlderTests} | {f.OnlyByRealmsOlderTests} |");
        return md.ToString();
    }

    /// <summary>Line numbers as ranges: 3-5, 9.</summary>
    internal static string Ranges(IEnumerable<int> lines)
    {
        var parts = new List<string>();
        int? start = null, last = null;
        foreach (var n in lines.Order())
        {
            if (start is null) { start = last = n; continue; }
            if (n == last + 1) { last = n; continue; }
            parts.Add(start == last ? $"{start}" : $"{start}-{last}");
            start = last = n;
        }
        if (start is not null) parts.Add(start == last ? $"{start}" : $"{start}-{last}");
        return string.Join(", ", parts);
    }
}
