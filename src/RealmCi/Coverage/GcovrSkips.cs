using System.Text.RegularExpressions;

namespace RealmCi.CodeCoverage;

/// <summary>
/// What gcovr left out (<c>--gcov-ignore-parse-errors</c>): the gcov lines it could not parse, read from the
/// coverage step's log — "(WARNING) Unrecognized GCOV output for FILE" then one "UnknownLineType: LINE" per line.
/// Counters updated by racing threads, or dumped while threads still run, give derived counts below zero
/// ("branch 1 taken -147"); with atomic updates they are rare, and a report says how many were skipped.
/// </summary>
public sealed partial record GcovrSkips(int Lines, IReadOnlyList<string> Files, string? Example)
{
    public static GcovrSkips Read(string log)
    {
        var files = FileLine().Matches(log).Select(m => m.Groups["file"].Value.Trim()).Distinct().ToList();
        var lines = LineType().Matches(log).Select(m => m.Groups["line"].Value.Trim()).ToList();
        return new(lines.Count, files, lines.FirstOrDefault());
    }

    /// <summary>One Markdown paragraph for the coverage summary, or null when nothing was skipped.</summary>
    public string? Note => Lines == 0 && Files.Count == 0 ? null
        : $"gcovr skipped {Lines} line(s) of gcov output it could not parse, in {Files.Count} file(s)"
          + (Example is null ? "" : $" (e.g. `{Example}`: a count below zero)") + $": {string.Join(", ", Files.Take(5).Select(f => $"`{f}`"))}{(Files.Count > 5 ? ", …" : "")}; see coverage.log.";

    [GeneratedRegex(@"\(WARNING\) Unrecognized GCOV output for (?<file>[^\r\n]+)")]
    private static partial Regex FileLine();

    [GeneratedRegex(@"UnknownLineType: (?<line>[^\r\n]+)")]
    private static partial Regex LineType();
}
