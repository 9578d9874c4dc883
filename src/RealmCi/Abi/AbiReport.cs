using System.Xml.Linq;
using RealmCi.Results;

namespace RealmCi.Abi;

/// <summary>
/// Reads abi-compliance-checker's binary report (<c>-binary -xml</c>): its verdict, the removed
/// symbols and the symbols and types with high- or medium-severity problems, each mangled name
/// replaced by its demangled form from <c>abi-symbols.txt</c> (lines <c>MANGLED TAB DEMANGLED</c>,
/// written by c++filt in the same step). Low and safe problems do not break the ABI.
/// </summary>
public static class AbiReport
{
    private static readonly string[] Breaking = ["High", "Medium"];

    public static AbiVerdict Parse(string xml, string? symbols, string baseline, string report)
    {
        var root = XDocument.Parse(xml).Root ?? throw new FormatException("an empty ABI report");
        var names = Demangled(symbols);
        string Name(string mangled) => names.GetValueOrDefault(mangled, mangled);
        var verdict = root.Element("test_results")?.Element("verdict")?.Value.Trim();
        var removed = root.Element("removed_symbols")?.Descendants("name").Select(n => Name(n.Value.Trim())) ?? [];
        var changed = root.Elements().Where(e => e.Name.LocalName is "problems_with_symbols" or "problems_with_types"
                && Breaking.Contains((string?)e.Attribute("severity")))
            .SelectMany(e => e.Descendants().Where(d => d.Name.LocalName is "symbol" or "type"))
            .Select(d => Name((string?)d.Attribute("name") ?? "?"));
        return new AbiVerdict(baseline, verdict == "compatible", [.. removed.Distinct().Order(StringComparer.Ordinal)],
            [.. changed.Distinct().Order(StringComparer.Ordinal)], report);
    }

    /// <summary>Mangled → demangled, from the step's <c>abi-symbols.txt</c>; a name c++filt left alone maps to itself.</summary>
    internal static Dictionary<string, string> Demangled(string? symbols)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (symbols ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
            if (line.Split('\t', 2) is [var mangled, var demangled] && demangled.Trim().Length > 0) map[mangled.Trim()] = demangled.Trim();
        return map;
    }
}
