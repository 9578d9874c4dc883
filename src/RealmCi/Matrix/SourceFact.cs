using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace RealmCi.Matrix;

/// <summary>
/// A fact read from the source (the matrix file's <c>facts:</c>): whether <see cref="Pattern"/>, a
/// regular expression (multi-line), matches in <see cref="File"/>, a path relative to the CMake
/// project's folder — e.g. whether Realm's CMakeLists.txt defines the option REALM_BUILD_DOCS.
/// Conditional overrides (<c>when: { FACT: true|false }</c>) apply by it.
/// </summary>
public sealed record SourceFact(string Name, string File, string Pattern, string? Description, SourceSpan Where)
{
    /// <summary>How the fact is read, for --explain: <c>CMakeLists.txt matches '…'</c>.</summary>
    public string How => $"{File} matches '{Pattern}'";

    /// <summary>Reads the fact in the project folder <paramref name="project"/>: holds, and where (file:line and the line) when it does.</summary>
    public FactValue Read(string project)
    {
        var path = Path.Combine(project, File);
        if (!System.IO.File.Exists(path)) return new(this, false, $"{File}: no such file");
        // The checkout may be anyone's (a fork's pull request, read by a CI plan job): no link out of it, no giant file.
        if (LinkIn(project, File) is { } link) return new(this, false, $"{File}: not read, {link} is a symbolic link");
        if (new FileInfo(path).Length > MaxBytes) return new(this, false, $"{File}: not read, over {MaxBytes / (1024 * 1024)} MB");
        var text = System.IO.File.ReadAllText(path);
        Match match;
        try { match = Regex.Match(text, Pattern, RegexOptions.Multiline, TimeSpan.FromSeconds(2)); }
        catch (RegexMatchTimeoutException) { return new(this, false, $"{File}: the pattern took over 2 s, not decided"); }
        if (!match.Success) return new(this, false, $"{File}: no line matches");
        var line = text.AsSpan(0, match.Index).Count('\n') + 1;
        var lineText = text.Split('\n')[line - 1].Trim();
        return new(this, true, $"{File}:{line}: {lineText}");
    }

    /// <summary>A fact file larger than this is not read.</summary>
    public const long MaxBytes = 8 * 1024 * 1024;

    /// <summary>The first component of <paramref name="relative"/> under <paramref name="project"/> that is a symbolic link, or null.</summary>
    private static string? LinkIn(string project, string relative)
    {
        var at = project;
        var shown = "";
        foreach (var part in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            at = Path.Combine(at, part);
            shown = shown.Length == 0 ? part : shown + "/" + part;
            if (new FileInfo(at).LinkTarget is not null) return shown;
        }
        return null;
    }

    /// <summary>Every fact of <paramref name="facts"/> read in <paramref name="project"/>, by name.</summary>
    public static ImmutableDictionary<string, FactValue> ReadAll(IEnumerable<SourceFact> facts, string project) =>
        facts.ToImmutableDictionary(f => f.Name, f => f.Read(project));
}

/// <summary>A fact's value in one source, and the evidence: the matching line (<c>CMakeLists.txt:134: option(…)</c>) or why it does not hold.</summary>
public sealed record FactValue(SourceFact Fact, bool Holds, string Evidence)
{
    public string Describe() => $"fact {Fact.Name} is {(Holds ? "true" : "false")} ({Evidence})";
}
