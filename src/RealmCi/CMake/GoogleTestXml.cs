using RealmCi.Results;
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

    /// <summary>
    /// The cases a GoogleTest executable reported on its console, for when it wrote no XML because
    /// it died mid-run (a sanitizer report, a signal, an abort): each started case with its
    /// outcome, and the case started but never finished — the one it died in — as failed, with
    /// the first error line printed after it. Empty when the output has no GoogleTest case in it.
    /// </summary>
    public static IReadOnlyList<TestCaseResult> FromConsole(string output)
    {
        var cases = new Dictionary<string, TestCaseResult>(StringComparer.Ordinal);
        var order = new List<string>();
        string? running = null;
        string? death = null;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var m = ConsoleLine().Match(line);
            if (m.Success)
            {
                var (tag, name) = (m.Groups["tag"].Value, m.Groups["name"].Value);
                if (tag == "RUN")
                {
                    if (cases.TryAdd(name, new(name, TestStatus.NotRun, 0))) order.Add(name);
                    (running, death) = (name, null);
                }
                else if (cases.TryGetValue(name, out var started) && started.Status == TestStatus.NotRun)
                {
                    var seconds = double.TryParse(m.Groups["ms"].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? ms / 1000 : 0;
                    cases[name] = tag switch
                    {
                        "OK" => new(name, TestStatus.Passed, seconds),
                        "SKIPPED" => new(name, TestStatus.Skipped, seconds, "skipped (GTEST_SKIP)"),
                        _ => new(name, TestStatus.Failed, seconds, "failed"),
                    };
                    if (running == name) running = null;
                }
            }
            else if (running is not null && death is null && DeathLine().Match(line) is { Success: true } d)
                death = d.Groups["what"].Value.Trim();
        }
        foreach (var name in order.Where(n => cases[n].Status == TestStatus.NotRun))
            cases[name] = new(name, TestStatus.Failed, 0, name == running
                ? $"the executable died in this case: {death ?? "no error line after it"}"
                : "started, never finished");
        return [.. order.Select(n => cases[n])];
    }

    [GeneratedRegex(@"^\[\s*(?<tag>RUN|OK|FAILED|SKIPPED)\s*\] (?<name>[A-Za-z_][\w/]*\.[\w/]+)(?: \((?<ms>\d+) ms\))?(?:,.*)?$")]
    private static partial Regex ConsoleLine();

    [GeneratedRegex(@"^(?:==\d+==)?(?<what>(?:ERROR|WARNING): \w+Sanitizer.*|.*runtime error: .*|.*(?:Segmentation fault|Aborted|terminate called).*|.*Assertion .* failed.*)$")]
    private static partial Regex DeathLine();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Number();
}
