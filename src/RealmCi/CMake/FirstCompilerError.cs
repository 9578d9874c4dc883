using System.Text.RegularExpressions;

namespace RealmCi.CMake;

/// <summary>
/// The first compiler or linker error in a build log (<c>file:line:col: error: …</c>, <c>fatal error</c>,
/// <c>undefined reference</c>), so a failed build names its cause instead of "exit code 1".
/// </summary>
public static partial class FirstCompilerError
{
    [GeneratedRegex(@"(^\S+:\d+(:\d+)?: (fatal )?error: )|(undefined reference to )|(^CMake Error)", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorLine();

    public static string? In(IEnumerable<string> lines) =>
        lines.Select(l => l.Trim()).FirstOrDefault(l => ErrorLine().IsMatch(l)) is { } line ? (line.Length > 300 ? line[..300] + "…" : line) : null;

    public static string? InFile(string? log)
    {
        if (log is null || !File.Exists(log)) return null;
        using var reader = new StreamReader(new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return In(Lines(reader));
    }

    private static IEnumerable<string> Lines(TextReader reader)
    {
        while (reader.ReadLine() is { } line) yield return line;
    }
}
