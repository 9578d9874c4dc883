using System.IO.Enumeration;

namespace RealmCi.Matrix;

/// <summary>
/// Shell-style globs on names and Ids: <c>*</c> any run of characters, <c>?</c> one character,
/// matched by the base library's <see cref="FileSystemName.MatchesSimpleExpression(ReadOnlySpan{char}, ReadOnlySpan{char}, bool)"/>,
/// ordinal and case-sensitive (Ids are lower case). The base library reads a backslash as an
/// escape; here it stays a plain character, which no Id or value name contains
/// (<c>[a-z0-9._]</c> joined by <c>-</c>), so a pattern with one matches nothing, as before.
/// Negation (<c>!</c>) belongs to rules, not to a glob: the matrix reader applies it to a
/// list of patterns.
/// </summary>
public static class Glob
{
    public static bool IsPattern(string text) => text.AsSpan().IndexOfAny('*', '?') >= 0;

    public static bool Matches(string pattern, string text) =>
        !pattern.Contains('\\', StringComparison.Ordinal)
        // The base library answers false for an empty name; a glob of stars matches it.
        && (text.Length == 0 ? pattern.AsSpan().TrimStart('*').IsEmpty : FileSystemName.MatchesSimpleExpression(pattern, text, ignoreCase: false));
}
