using System.Text.RegularExpressions;
using RealmCi.Errors;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Host;

/// <summary>The README's exit-code table is the code's: same codes, in order, each row opening with the code's meaning.</summary>
public sealed partial class DocumentingExitCodes
{
    [GeneratedRegex(@"^\| (\d+) \| (.+) \|$")]
    private static partial Regex Row();

    [Fact]
    public void TheReadmeTableIsTheCodesTable()
    {
        var lines = File.ReadAllLines(Path.Combine(Yaml.RepoRoot, "README.md"));
        var start = Array.IndexOf(lines, "### Exit codes");
        Assert.True(start > 0, "README.md has no '### Exit codes' section");
        var rows = lines.Skip(start + 1).TakeWhile(l => !l.StartsWith('#')).Select(l => Row().Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(ExitCodes.Table.Select(t => t.Code), rows.Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var (row, (code, meaning)) in rows.Zip(ExitCodes.Table))
            Assert.True(row.Groups[2].Value.StartsWith(meaning, StringComparison.Ordinal), $"README's row for {code} should open with \"{meaning}\"");
    }
}
