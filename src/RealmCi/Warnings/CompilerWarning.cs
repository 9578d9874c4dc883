using System.Globalization;
using System.Text.RegularExpressions;

namespace RealmCi.Warnings;

/// <summary>
/// A compiler warning, identified by (file, line, flag) — the message may change with the
/// compiler's wording, the column with formatting. <see cref="File"/> is relative to the source
/// (or, for generated files, the work folder, prefixed <c>work/</c>) so it does not depend on
/// where the tree was mounted. The text form (<see cref="ToString"/>) is one line of a baseline file.
/// </summary>
public sealed partial record CompilerWarning(string File, int Line, string Flag, string Message)
{
    public (string File, int Line, string Flag) Identity => (File, Line, Flag);

    public override string ToString() => $"{File}:{Line.ToString(CultureInfo.InvariantCulture)}: [{Flag}] {Message}";

    /// <summary>The warnings of a GCC or Clang build log, each (file, line, flag) once, in order of appearance.</summary>
    public static IReadOnlyList<CompilerWarning> Parse(string log, string sourceRoot, string workRoot)
    {
        var seen = new HashSet<(string, int, string)>();
        var found = new List<CompilerWarning>();
        foreach (var raw in log.Split('\n'))
        {
            if (Compiler().Match(raw.TrimEnd('\r')) is not { Success: true } m) continue;
            var w = new CompilerWarning(Relative(m.Groups["file"].Value, sourceRoot, workRoot), int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture),
                m.Groups["flag"].Value, m.Groups["message"].Value.Trim());
            if (seen.Add(w.Identity)) found.Add(w);
        }
        return found;
    }

    /// <summary>One line of a baseline file (<see cref="ToString"/>'s form), or null for a blank or comment line.</summary>
    public static CompilerWarning? FromBaselineLine(string line) =>
        Baseline().Match(line.TrimEnd('\r')) is { Success: true } m
            ? new(m.Groups["file"].Value, int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture), m.Groups["flag"].Value, m.Groups["message"].Value)
            : null;

    private static string Relative(string file, string sourceRoot, string workRoot)
    {
        var normal = file.Replace('\\', '/');
        string Under(string root) => root.TrimEnd('/') + "/";
        if (normal.StartsWith(Under(sourceRoot), StringComparison.Ordinal)) return normal[Under(sourceRoot).Length..];
        if (normal.StartsWith(Under(workRoot), StringComparison.Ordinal)) return "work/" + normal[Under(workRoot).Length..];
        return normal;
    }

    [GeneratedRegex(@"^(?<file>[^\s:][^:]*):(?<line>\d+):(?:\d+:)?\s+warning:\s+(?<message>.*?)\s+\[(?<flag>-W[^\]\s]+)\]$")]
    private static partial Regex Compiler();

    [GeneratedRegex(@"^(?<file>[^\s#][^:]*):(?<line>\d+): \[(?<flag>-W[^\]\s]+)\] ?(?<message>.*)$")]
    private static partial Regex Baseline();
}
