using RealmCi.Results;
using System.Globalization;
using System.Xml.Linq;

namespace RealmCi.CMake;

/// <summary>Reads the JUnit XML that <c>ctest --output-junit</c> writes into per-test results.</summary>
public static class JUnitReport
{
    public static IReadOnlyList<TestCaseResult> Parse(string xml)
    {
        var doc = XDocument.Parse(xml);
        var results = new List<TestCaseResult>();
        foreach (var testcase in doc.Descendants("testcase"))
        {
            var name = (string?)testcase.Attribute("name") ?? "";
            var seconds = double.TryParse((string?)testcase.Attribute("time"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 0;
            var output = (string?)testcase.Element("system-out");
            var failure = testcase.Element("failure") ?? testcase.Element("error");
            var skipped = testcase.Element("skipped");
            var status = (string?)testcase.Attribute("status");
            if (failure is not null)
                results.Add(new(name, TestStatus.Failed, seconds, (string?)failure.Attribute("message") ?? "failed", output));
            else if (skipped is not null || status is "disabled" or "notrun")
                results.Add(new(name, TestStatus.Skipped, seconds, (string?)skipped?.Attribute("message") ?? status, output));
            else
                results.Add(new(name, TestStatus.Passed, seconds, null, output));
        }
        return results;
    }
}
