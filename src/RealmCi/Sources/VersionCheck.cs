using System.Text.RegularExpressions;
using RealmCi.Matrix;

namespace RealmCi.Sources;

/// <summary>
/// Whether a checkout can give the project its version, by the matrix file's
/// <c>source.version</c> rules (<see cref="SourceVersion"/>): the one-line reason it cannot,
/// with the command that fixes it, or null. Pure: the facts are read by <see cref="CheckoutFacts"/>.
/// </summary>
public static class VersionCheck
{
    public static string? Problem(SourceVersion rules, CheckoutFacts facts, string root, string subdir)
    {
        var where = subdir is "" or "." ? root : $"{root} ({subdir}/)";
        var taken = facts.NearestTag is { } tag && rules.Tags.Any(p => Glob.Matches(p, tag));
        if (taken)
        {
            foreach (var rule in rules.NotOnTag)
                if (facts.OnNearestTag && Glob.Matches(rule.Tags, facts.NearestTag!) && CmakeLine(facts.CmakeLists, rule.CmakePattern) is { } line)
                    return $"{where}: HEAD is exactly on tag {facts.NearestTag}, and {Path.Combine(subdir, "CMakeLists.txt")}:{line} {rule.Reason}. Fix: {rule.Fix.Replace("{root}", root, StringComparison.Ordinal)}";
            return null;
        }
        if (rules.File is null || facts.VersionFile is not { } text || rules.Unexpanded is null || !text.Contains(rules.Unexpanded, StringComparison.Ordinal))
            return null; // no tag, but a version file that gives one (or none: the project's own fallback)
        var patterns = string.Join(" or ", rules.Tags);
        var file = Path.Combine(subdir, rules.File);
        if (!facts.IsGit)
            return $"{where}: not a git checkout and {file} is unexpanded ({Trim(text)}), so the project gets no version. Fix: pass a git checkout with its tags, or an export made by git archive (which expands {file})";
        var why = facts.NearestTag is null ? $"no tag reachable from HEAD{(facts.Shallow ? " (a shallow clone)" : "")}" : $"the nearest tag {facts.NearestTag} is not {patterns}";
        var fix = facts.Shallow ? $"git -C {root} fetch --tags --unshallow" : $"git -C {root} fetch --tags (from a repository that has {patterns} tags)";
        return $"{where}: cannot give the project a version: {why}, and {file} is unexpanded ({Trim(text)}), so configure would fail. Fix: {fix}";
    }

    /// <summary>The 1-based line of the CMakeLists.txt the pattern matches, or null.</summary>
    internal static int? CmakeLine(string? text, string pattern)
    {
        if (text is null) return null;
        var match = Regex.Match(text, pattern, RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        return match.Success ? text[..match.Index].Count(c => c == '\n') + 1 : null;
    }

    private static string Trim(string text) => text.Trim() is { Length: > 60 } t ? t[..60] + "…" : text.Trim();
}
