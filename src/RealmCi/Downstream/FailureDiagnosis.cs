using System.Text.RegularExpressions;

namespace RealmCi.Downstream;

public enum FailureCause { RealmChange, CompositionArtefact, Undecided }

/// <summary>Why a canary is red, before anyone calls it a Realm regression: the cause and the evidence, in one line.</summary>
public sealed record Diagnosis(FailureCause Cause, string Text)
{
    public string Label => Cause switch
    {
        FailureCause.RealmChange => "Realm change",
        FailureCause.CompositionArtefact => "composition artefact, not a Realm regression",
        _ => "Realm change or composition artefact",
    };

    public override string ToString() => $"**{Label}**: {Text}";
}

/// <summary>
/// Diagnoses a red canary against what the composition took from the downstream (<see cref="CompositionGaps"/>):
/// a compile error that names, or sits on a line using, a macro the downstream's generated header does not
/// define; a link error for a function only an overlay source the downstream's list never compiles defines —
/// each is a <b>composition artefact</b>, named. Anything else that broke the build is a <b>Realm change</b>;
/// failing tests are one too unless compiled Realm code tests a macro the downstream never defines:
/// a failed test whose output points into such a file (an assertion there) is the composition's, named
/// with the file and macro; the rest are a Realm change; with no such pointer, undecided (macro and
/// file named). <paramref name="outputOf"/> gives a failed test's output. Reads files of the copy through <paramref name="read"/>
/// (a path relative to the copy → its text, or null). <paramref name="built"/> names what was built when it is not
/// the downstream itself (its copy of Realm's older tests): the subject of "no longer builds".
/// </summary>
public static partial class FailureDiagnosis
{
    public static Diagnosis? Diagnose(string downstream, string? firstCompilerError, IReadOnlyList<string> failedTests, CompositionGaps gaps, string rootAsBuildSees, Func<string, string?> read,
        Func<string, string?>? outputOf = null, string? built = null)
    {
        var missing = gaps.MissingInDownstream.ToList();
        if (firstCompilerError is not null)
        {
            var error = ErrorAt().Match(firstCompilerError);
            var line = error.Success && Relative(error.Groups["file"].Value, rootAsBuildSees) is { } file ? LineOf(read(file), int.Parse(error.Groups["line"].Value)) : null;
            if (missing.FirstOrDefault(m => Names(firstCompilerError, m.Macro) || (line is not null && Names(line, m.Macro))) is { } gap)
                return new(FailureCause.CompositionArtefact, $"{gap}: {firstCompilerError}");
            if (UndefinedReference().Match(firstCompilerError) is { Success: true } link
                && gaps.NotCompiled.FirstOrDefault(f => read(f) is { } text && Regex.IsMatch(text, $@"\b{Regex.Escape(link.Groups["name"].Value)}\s*\([^;]*$", RegexOptions.Multiline)) is { } source)
                return new(FailureCause.CompositionArtefact, $"{source} defines {link.Groups["name"].Value} but {downstream}'s source list never compiles it: {firstCompilerError}");
            return new(FailureCause.RealmChange, $"{built ?? downstream} no longer builds against this Realm: {firstCompilerError}");
        }
        if (failedTests.Count == 0) return null;
        var failed = $"{failedTests.Count} {downstream} test(s) failed: {string.Join(", ", failedTests.Take(10))}{(failedTests.Count > 10 ? ", …" : "")}";
        // A failed test whose output points into compiled Realm code that tests such a macro (an assertion or a crash there) fails because of the gap.
        var users = missing.SelectMany(m => gaps.Compiled.Where(f => read(f) is { } text && Names(text, m.Macro)).Select(f => (m.Macro, File: f))).ToList();
        var explained = failedTests.Select(t => (Test: t, File: outputOf?.Invoke(t) is { } output ? users.Select(u => u.File).FirstOrDefault(f => output.Contains($"/{f}:", StringComparison.Ordinal)) : null)).ToList();
        var linked = explained.Where(e => e.File is not null).ToList();
        if (linked.Count > 0)
        {
            var why = string.Join("; ", linked.GroupBy(e => e.File!).Select(g =>
                $"{string.Join(", ", g.Select(e => e.Test))} {(g.Count() == 1 ? "fails" : "fail")} in {g.Key}, which tests {string.Join(", ", users.Where(u => u.File == g.Key).Select(u => u.Macro).Distinct())} (not defined by the composed build)"));
            var unexplained = explained.Where(e => e.File is null).Select(e => e.Test).ToList();
            return unexplained.Count == 0
                ? new(FailureCause.CompositionArtefact, $"{failed}: {why}")
                : new(FailureCause.RealmChange, $"{unexplained.Count} {downstream} test(s) failed that no composition gap explains: {string.Join(", ", unexplained.Take(10))}{(unexplained.Count > 10 ? ", …" : "")}; "
                    + $"{linked.Count} more {(linked.Count == 1 ? "is" : "are")} the composition's (not a Realm regression): {why}");
        }
        var used = users.GroupBy(u => u.Macro).Select(g => $"{g.Key} (used by {g.First().File})").ToList();
        return used.Count == 0
            ? new(FailureCause.RealmChange, $"{failed} (no macro the composition lacks is used by the Realm code it compiled)")
            : new(FailureCause.Undecided, $"{failed}; the composed build does not define {string.Join(", ", used)}: compare with the downstream's own Realm before calling it a regression");
    }

    private static bool Names(string text, string macro) => Regex.IsMatch(text, $@"\b{Regex.Escape(macro)}\b");

    private static string? Relative(string file, string root) =>
        file.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal) ? file[(root.TrimEnd('/').Length + 1)..] : null;

    private static string? LineOf(string? text, int line) =>
        text?.Split('\n') is { } lines && line >= 1 && line <= lines.Length ? lines[line - 1] : null;

    [GeneratedRegex(@"^(?<file>\S+?):(?<line>\d+)(?::\d+)?: (?:fatal )?error: ")]
    private static partial Regex ErrorAt();

    [GeneratedRegex(@"undefined reference to [`'](?:[\w:]*::)?(?<name>[A-Za-z_]\w*)")]
    private static partial Regex UndefinedReference();
}
