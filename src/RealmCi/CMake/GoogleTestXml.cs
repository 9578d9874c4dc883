using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace RealmCi.CMake;

/// <summary>
/// The per-case XML GoogleTest writes when <c>GTEST_OUTPUT=xml:DIR/</c> is set: one file per
/// run of an executable, named after it (<c>realm_unit_tests.xml</c>), with <c>_1</c>, <c>_2</c>…
/// appended instead of overwriting. So a CTest test that bundles many cases in one executable
/// (Realm under a sanitizer) can be counted and its failing case named.
/// </summary>
public static partial class GoogleTestXml
{
    /// <summary>The cases of one XML file, named <c>Suite.Case</c>.</summary>
    public static IReadOnlyList<TestCaseResult> Parse(string xml)
    {
        var doc = XDocument.Parse(xml);
        var cases = new List<TestCaseResult>();
        foreach (var c in doc.Descendants("testcase"))
        {
            var name = $"{(string?)c.Attribute("classname")}.{(string?)c.Attribute("name")}";
            var seconds = double.TryParse((string?)c.Attribute("time"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 0;
            var failure = c.Element("failure") ?? c.Element("error");
            var status = (string?)c.Attribute("status");
            var result = (string?)c.Attribute("result");
            if (failure is not null)
                cases.Add(new(name, TestStatus.Failed, seconds, (string?)failure.Attribute("message") ?? "failed", failure.Value));
            else if (status == "notrun" || result == "suppressed")
                cases.Add(new(name, TestStatus.Skipped, seconds, "disabled (DISABLED_ prefix)") { LeftOut = TestLeftOut.Disabled });
            else if (result == "skipped" || c.Element("skipped") is not null)
                cases.Add(new(name, TestStatus.Skipped, seconds, (string?)c.Element("skipped")?.Attribute("message") ?? "skipped (GTEST_SKIP)"));
            else
                cases.Add(new(name, TestStatus.Passed, seconds));
        }
        return cases;
    }

    /// <summary>
    /// The cases <paramref name="executable"/> wrote into <paramref name="dir"/>
    /// (<c>EXE.xml</c>, <c>EXE_1.xml</c>…); a case run more than once (e.g. by every rank) appears
    /// once, failed if any run failed. A file cut short (a crash while writing) is ignored.
    /// </summary>
    public static IReadOnlyList<TestCaseResult> Read(string dir, string executable)
    {
        var known = new Dictionary<string, TestCaseResult>(StringComparer.Ordinal);
        if (!Directory.Exists(dir)) return [];
        foreach (var file in Directory.EnumerateFiles(dir, "*.xml").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            if (stem != executable && !(stem.StartsWith(executable + "_", StringComparison.Ordinal) && Number().IsMatch(stem[(executable.Length + 1)..])))
                continue;
            IReadOnlyList<TestCaseResult> cases;
            try { cases = Parse(File.ReadAllText(file)); }
            catch (XmlException) { continue; }
            foreach (var c in cases)
                if (!known.TryGetValue(c.Name, out var earlier) || (c.Status == TestStatus.Failed && earlier.Status != TestStatus.Failed))
                    known[c.Name] = c;
        }
        return [.. known.Values.OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Number();
}
