using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using RealmCi.Errors;
using RealmCi.Matrix;
using Xunit.Abstractions;

namespace RealmCi.Tests.Matrix;

/// <summary>
/// Seeded random mutations of the real matrix file. Every one must end in a selection or in a
/// user error whose lines are <c>FILE:LINE:COLUMN: message</c> (or a known one-line form) —
/// never in any other exception. A failure prints the seed and the mutations to replay it.
/// </summary>
public sealed partial class FuzzingTheMatrixFile(ITestOutputHelper output)
{
    private const int Cases = 400;
    private const string File = "fuzz.yaml";

    [GeneratedRegex(@"^fuzz\.yaml:\d+:\d+: \S")]
    private static partial Regex Located();

    /// <summary>Lines a user error may carry besides located diagnostics.</summary>
    [GeneratedRegex(@"^(\d+ error\(s\) in the matrix file; nothing was run\.|the selection is empty: .+)$")]
    private static partial Regex KnownForm();

    [Fact]
    public void NoMutationOfTheRealMatrixEscapesAsAnUnexpectedException()
    {
        var original = System.IO.File.ReadAllText(Yaml.RealmMatrixPath);
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        int selected = 0, rejected = 0;
        for (var seed = 1; seed <= Cases; seed++)
        {
            var (text, steps) = Mutate(original, seed);
            var outcome = Outcome(text);
            if (outcome is null) selected++;
            else if (outcome.StartsWith("ok:", StringComparison.Ordinal)) rejected++;
            else failures.Add($"seed {seed} [{string.Join("; ", steps)}]: {outcome}");
        }
        output.WriteLine($"{Cases} cases in {clock.Elapsed.TotalSeconds:F1} s: {selected} selected, {rejected} rejected as user errors");
        Assert.True(failures.Count == 0, $"{failures.Count} of {Cases} mutations crashed:\n" + string.Join("\n", failures.Take(20)));
        Assert.True(rejected > Cases / 4, $"only {rejected} of {Cases} mutations were rejected: the mutations are too weak to test anything");
    }

    [Theory]
    [InlineData("axes:\n  network: [none, ucx\n  gpu: { values: { cpu: {} } }\n", 3)]
    [InlineData("axes:\n  network: { values: { a: {}\n  gpu: x\n", 3)]
    [InlineData("axes: {\n", 2)]
    [InlineData("axes:\n\t  a: 1\n", 1)]
    [InlineData("axes: *nowhere\n", 1, 7)]
    [InlineData("a: &x 1\nb: &x 2\n<<: [*y]\n", 3)]
    [InlineData("%YAML 9.9\n---\naxes: {}\n", 1)]
    public void MalformedYamlIsOneLocatedLineNotACrash(string text, int line, int column = 0)
    {
        var e = Assert.Throws<MatrixException>(() => Selector.Select(MatrixFile.Parse(text, File), new SelectionOptions()));
        var first = Assert.Single(e.Diagnostics);
        Assert.Equal(line, first.Where.Line);
        Assert.True(column == 0 ? first.Where.Column >= 1 : first.Where.Column == column, first.ToString());
        output.WriteLine(first.ToString());
        Assert.Matches(Located(), first.ToString());
        Assert.DoesNotContain('\n', first.ToString());
    }

    [Fact]
    public void AQuotedKeyWithANewlineStillGivesOneLinePerProblem()
    {
        var e = Assert.Throws<MatrixException>(() => MatrixFile.Parse("axes:\n  \"a\\nb\": { values: { x: {} } }\n", File));
        var line = Assert.Single(e.Diagnostics).ToString();
        Assert.StartsWith("fuzz.yaml:2:3: axis name 'a b'", line);
        Assert.Equal(e.Diagnostics.Count + 1, e.Message.Split(Environment.NewLine).Length);
    }

    /// <summary>Null when the text selected configurations; "ok: …" for a well-formed user error; otherwise what went wrong.</summary>
    private static string? Outcome(string text)
    {
        try
        {
            var matrix = MatrixFile.Parse(text, File);
            Selector.Select(matrix, new SelectionOptions());
            return null;
        }
        catch (RealmCiException e)
        {
            var bad = e.Message.Split(Environment.NewLine).FirstOrDefault(l => !Located().IsMatch(l) && !KnownForm().IsMatch(l));
            return bad is null ? "ok: " + e.Message : $"{e.GetType().Name} with a line that is not FILE:LINE:COLUMN: {bad}";
        }
        catch (Exception e)
        {
            return $"{e.GetType().FullName}: {e.Message}\n{e.StackTrace}";
        }
    }

    private static readonly string[] Tokens =
        ["[", "{", ":", "\t", "]", "}", ",", "&a", "*a", "!", "|", ">", "\"", "'", "#", "- ", "? ", "<<: ", "<<: *a", "---", "%", "\"a\\nb\": ", "\u00e9\u4e2d\U0001F600", "\u0000", "\uFEFF"];

    /// <summary>One to three mutations, chosen and placed by the seed.</summary>
    internal static (string Text, List<string> Steps) Mutate(string text, int seed)
    {
        var random = new Random(seed);
        var steps = new List<string>();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var lines = text.Split('\n').ToList();
            var at = random.Next(lines.Count);
            switch (random.Next(11))
            {
                case 0:
                    steps.Add($"delete line {at + 1}");
                    lines.RemoveAt(at);
                    break;
                case 1:
                    steps.Add($"duplicate line {at + 1}");
                    lines.Insert(at, lines[at]);
                    break;
                case 2:
                    var other = random.Next(lines.Count);
                    steps.Add($"swap lines {at + 1} and {other + 1}");
                    (lines[at], lines[other]) = (lines[other], lines[at]);
                    break;
                case 3:
                    var cut = random.Next(text.Length);
                    steps.Add($"cut at offset {cut}");
                    lines = text[..cut].Split('\n').ToList();
                    break;
                case 4:
                case 5:
                    var token = Tokens[random.Next(Tokens.Length)];
                    var column = random.Next(lines[at].Length + 1);
                    steps.Add($"insert {Show(token)} at line {at + 1} column {column + 1}");
                    lines[at] = lines[at].Insert(column, token);
                    break;
                case 6:
                    var indent = random.Next(2) == 0 ? "  " : " ";
                    steps.Add($"indent line {at + 1} by {indent.Length}");
                    lines[at] = indent + lines[at];
                    break;
                case 7:
                    var trimmed = lines[at].TrimStart();
                    var keep = random.Next(lines[at].Length - trimmed.Length + 1);
                    steps.Add($"dedent line {at + 1} to {keep}");
                    lines[at] = new string(' ', keep) + trimmed;
                    break;
                case 8:
                    var bytes = new byte[random.Next(1, 6)];
                    random.NextBytes(bytes);
                    var noise = Encoding.Latin1.GetString(bytes);
                    var where = random.Next(lines[at].Length + 1);
                    steps.Add($"insert bytes {Convert.ToHexString(bytes)} at line {at + 1} column {where + 1}");
                    lines[at] = lines[at].Insert(where, noise);
                    break;
                case 9:
                    steps.Add($"replace a value on line {at + 1}");
                    var colon = lines[at].IndexOf(':');
                    lines[at] = colon < 0 ? lines[at] + ": x" : lines[at][..(colon + 1)] + new[] { " ", " []", " {}", " ~", " 0", " -1", " yes", " [a, [b]]" }[random.Next(8)];
                    break;
                default:
                    var length = Math.Min(random.Next(1, 8), lines[at].Length);
                    var start = random.Next(lines[at].Length - length + 1);
                    steps.Add($"delete {length} characters at line {at + 1} column {start + 1}");
                    lines[at] = lines[at].Remove(start, length);
                    break;
            }
            text = string.Join('\n', lines);
        }
        return (text, steps);
    }

    private static string Show(string token) => string.Concat(token.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
