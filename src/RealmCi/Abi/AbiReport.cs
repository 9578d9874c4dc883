using System.Text.RegularExpressions;
using System.Xml.Linq;
using RealmCi.Results;

namespace RealmCi.Abi;

/// <summary>
/// Reads abi-compliance-checker's binary report (<c>-binary -xml</c>): its verdict, the removed
/// symbols and the symbols and types with high- or medium-severity problems, each mangled name
/// replaced by its demangled form from <c>abi-symbols.txt</c> (lines <c>MANGLED TAB DEMANGLED</c>,
/// written by c++filt in the same step), High before Medium. Low and safe problems do not break the ABI.
/// abi-compliance-checker writes names as they are, so its XML is not always well-formed: Realm's real report
/// lists the compiler's pseudo-header as <c>&lt;name&gt;&lt;built-in&gt;&lt;/name&gt;</c> (2026-12-07; the parse
/// failed and the verdict was lost), and template names can put <c>&lt;</c> in an attribute; both are escaped first.
/// </summary>
public static class AbiReport
{
    private static readonly string[] Breaking = ["High", "Medium"];

    public static AbiVerdict Parse(string xml, string? symbols, string baseline, string report)
    {
        var root = XDocument.Parse(WellFormed(xml)).Root ?? throw new FormatException("an empty ABI report");
        var names = Demangled(symbols);
        string Name(string mangled) => names.GetValueOrDefault(mangled, mangled);
        var verdict = root.Element("test_results")?.Element("verdict")?.Value.Trim();
        var removed = root.Element("removed_symbols")?.Descendants("name").Select(n => Name(n.Value.Trim())) ?? [];
        var changed = root.Elements().Where(e => e.Name.LocalName is "problems_with_symbols" or "problems_with_types"
                && Breaking.Contains((string?)e.Attribute("severity")))
            .SelectMany(e => e.Descendants().Where(d => d.Name.LocalName is "symbol" or "type")
                .Select(d => (Rank: Array.IndexOf(Breaking, (string?)e.Attribute("severity")), Name: Name((string?)d.Attribute("name") ?? "?"))))
            .GroupBy(c => c.Name, StringComparer.Ordinal).Select(g => (Rank: g.Min(c => c.Rank), Name: g.Key))
            .OrderBy(c => c.Rank).ThenBy(c => c.Name, StringComparer.Ordinal).Select(c => c.Name);
        return new AbiVerdict(baseline, verdict == "compatible", [.. removed.Distinct().Order(StringComparer.Ordinal)], [.. changed], report);
    }

    /// <summary>The report with the text of <c>name</c> elements and attribute values escaped (entities already there are kept).</summary>
    internal static string WellFormed(string xml)
    {
        var names = Regex.Replace(xml, "<name>(.*?)</name>", m => $"<name>{Escape(m.Groups[1].Value)}</name>", RegexOptions.None, TimeSpan.FromSeconds(10));
        return Regex.Replace(names, "(\\s[\\w:.-]+=\")([^\"]*)(\")", m => m.Groups[1].Value + Escape(m.Groups[2].Value) + m.Groups[3].Value, RegexOptions.None, TimeSpan.FromSeconds(10));
    }

    private static string Escape(string text) =>
        Regex.Replace(text, "&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Mangled → demangled, from the step's <c>abi-symbols.txt</c>; a name c++filt left alone maps to itself.</summary>
    internal static Dictionary<string, string> Demangled(string? symbols)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (symbols ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
            if (line.Split('\t', 2) is [var mangled, var demangled] && demangled.Trim().Length > 0) map[mangled.Trim()] = demangled.Trim();
        return map;
    }
}
