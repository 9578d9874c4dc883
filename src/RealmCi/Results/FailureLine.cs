using System.Text.RegularExpressions;

namespace RealmCi.Results;

/// <summary>
/// The one line that says why a test failed, for a bisection's verdict and a rerun's attempt: its
/// message when it has one; else, in its output, GoogleTest's failure (<c>FILE:LINE: Failure</c> and
/// what follows, up to the next <c>[ … ]</c> marker, on one line), else the first line that names an
/// error, a failed assertion or an abort, else the first non-blank line. Never a test runner's
/// preamble such as "Running main() from gmock_main.cc".
/// </summary>
public static partial class FailureLine
{
    private const int Longest = 300;

    [GeneratedRegex(@"^\S.*:\d+: Failure$")]
    private static partial Regex GoogleTestFailure();

    [GeneratedRegex(@"(?i)(\berror\b|\bassertion\b|\babort|what\(\)|segmentation fault|\bpanic\b|\bmismatch\b|\bfailed\b)")]
    private static partial Regex Telling();

    public static string Of(TestCaseResult t)
    {
        if (!string.IsNullOrWhiteSpace(t.Message)) return Cut(t.Message.Trim().Split('\n')[0].Trim());
        var lines = (t.Output ?? "").Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var at = lines.FindIndex(l => GoogleTestFailure().IsMatch(l));
        if (at >= 0)
            return Cut(string.Join(" ", lines.Skip(at).TakeWhile((l, i) => i == 0 || !l.StartsWith('[')).Select(l => l.Trim()).Where(l => l.Length > 0)));
        return Cut((lines.FirstOrDefault(l => Telling().IsMatch(l) && !l.StartsWith('[')) ?? lines.FirstOrDefault(l => l.Trim().Length > 0) ?? "no output").Trim());
    }

    private static string Cut(string line) => line.Length <= Longest ? line : line[..(Longest - 1)] + "…";
}
