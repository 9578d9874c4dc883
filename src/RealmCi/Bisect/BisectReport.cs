using System.Globalization;
using System.Text;

namespace RealmCi.Bisect;

/// <summary>What a bisection prints and writes (<c>bisect.md</c>): text only.</summary>
public static class BisectReport
{
    public static IEnumerable<string> Summary(BisectOutcome o, string reproduce)
    {
        var skipped = o.Runs.Where(r => r.Verdict == Verdict.Skip).ToList();
        if (o.FirstBad is not null) yield return $"first bad commit: {o.FirstBad} {o.FirstBadSubject}";
        else yield return $"the first bad commit is one of {o.Candidates.Length} (the others could not be tested): {string.Join(", ", o.Candidates.Select(c => c[..10]))}";
        yield return $"deciding test: {o.Test}";
        if (o.BadRun is { } bad) yield return $"  bad  {bad.Short}: {bad.TestLine}";
        if (o.GoodRun is { } good) yield return $"  good {good.Short}: {good.TestLine}";
        foreach (var s in skipped) yield return $"skipped {s.Short} {s.Subject}: {s.Why}";
        yield return string.Create(CultureInfo.InvariantCulture,
            $"{o.Builds} builds for {o.Commits} commits (bound ceil(log2 {o.Commits}) + 3 = {o.Bound}; {o.Runs.Count(r => r.Cached)} from the result cache; {skipped.Count} skipped), {Minutes(o.Seconds)} in all: {string.Join(", ", o.Runs.Select(r => $"{r.Short} {r.Seconds:F0} s"))}");
        yield return $"reproduce: {reproduce}";
    }

    public static string Markdown(BisectOutcome o, string reproduce)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Bisect of `{o.ConfigId}`: {o.Good[..10]}..{o.Bad[..10]} ({o.Commits} commits)\n\n");
        foreach (var line in Summary(o, reproduce)) text.Append(line.StartsWith("  ", StringComparison.Ordinal) ? "    " + line.Trim() : "- " + line).Append('\n');
        text.Append("\nEach candidate was built and tested once through the pipeline (image reused, ccache shared, result cache on): ")
            .Append("bad when the deciding test failed, good when it passed, skipped when the commit did not configure or build or the test did not run.\n\n")
            .Append("| # | commit | subject | verdict | why | time |\n|---:|---|---|---|---|---:|\n");
        var n = 0;
        foreach (var r in o.Runs)
            text.Append(CultureInfo.InvariantCulture, $"| {++n} | `{r.Short}` | {Cell(r.Subject)} | {r.Verdict.ToString().ToLowerInvariant()} | {Cell(r.Why)} | {r.Seconds:F1} s{(r.Cached ? " (cached)" : "")} |\n");
        text.Append("\n```\n").Append(o.GitLog.TrimEnd()).Append("\n```\n");
        return text.ToString();
    }

    private static string Minutes(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{(int)seconds / 60}m{(int)seconds % 60:00}s");

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
