using RealmCi.Layout;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using RealmCi.CMake;
using RealmCi.Results;

namespace RealmCi.Reporting;

/// <summary>
/// The run's files, rewritten atomically each time a configuration finishes (so a crash never
/// leaves half a file): <c>summary.json</c> (every result), <c>junit.xml</c> (one test suite per
/// configuration, named by Id, merged from CTest's), and <c>summary.md</c> (the table in
/// Markdown, appended at the end to <paramref name="stepSummary"/>: GitHub's <c>$GITHUB_STEP_SUMMARY</c>, from the host facts). Every
/// selected configuration appears once it has a result, including those not run (fail-fast,
/// interruption) and those unavailable here, with the reason.
/// </summary>
public sealed class SummaryFiles(string artifacts, string selection, IReadOnlyList<string> ids, string? stepSummary = null)
{
    private readonly int selected = ids.Count;

    private readonly List<ConfigurationResult> results = [];
    private readonly object gate = new();

    public string Json => new ArtifactsFolder(artifacts).SummaryJson;
    public string JUnit => Path.Combine(artifacts, ConfigurationFolder.JUnitName); // the merged JUnit, named like each configuration's
    public string Markdown => new ArtifactsFolder(artifacts).SummaryMarkdown;

    public void Add(ConfigurationResult result)
    {
        lock (gate)
        {
            results.Add(result);
            results.Sort((a, b) => Position(a).CompareTo(Position(b))); // selection order, whatever order they finish in
            Write();
        }
    }

    /// <summary>The final write; also appends the Markdown to GitHub's step summary.</summary>
    public void Complete(bool interrupted)
    {
        lock (gate)
        {
            Write(interrupted);
            if (stepSummary is { Length: > 0 } step)
                File.AppendAllText(step, MarkdownText(results, selected, interrupted) + "\n");
        }
    }

    private int Position(ConfigurationResult r) => ids is List<string> list ? list.IndexOf(r.Id) : ids.ToList().IndexOf(r.Id);

    private void Write(bool interrupted = false)
    {
        Directory.CreateDirectory(artifacts);
        AtomicFile.Write(Json, stream => JsonSerializer.Serialize(stream, Document(selection, selected, results, interrupted), ReportJsonContext.Files.SummaryDocument));
        AtomicFile.WriteText(JUnit, JUnitText(results));
        AtomicFile.WriteText(Markdown, MarkdownText(results, selected, interrupted));
    }

    internal static SummaryDocument Document(string selection, int selected, IReadOnlyList<ConfigurationResult> results, bool interrupted)
    {
        int Count(ConfigurationStatus status) => results.Count(r => r.Status == status);
        return new SummaryDocument(selection, selected,
            Finished: results.Count(r => r.Status is not ConfigurationStatus.NotRun),
            Passed: results.Count(r => r.Succeeded),
            Cached: Count(ConfigurationStatus.Cached),
            Failed: Count(ConfigurationStatus.Failed),
            Cancelled: Count(ConfigurationStatus.Cancelled),
            NotRun: Count(ConfigurationStatus.NotRun),
            Unavailable: Count(ConfigurationStatus.Unavailable),
            interrupted,
            [.. results.Select(ResultJson.Document)]);
    }

    internal static string JUnitText(IEnumerable<ConfigurationResult> results)
    {
        var suites = new XElement("testsuites");
        foreach (var r in results)
        {
            var tests = r.Tests;
            var suite = new XElement("testsuite",
                new XAttribute("name", r.Id),
                new XAttribute("tests", tests.Count),
                new XAttribute("failures", tests.Count(t => t.Status == TestStatus.Failed)),
                new XAttribute("skipped", tests.Count(Skipped)),
                new XAttribute("time", r.Seconds.ToString("F3", CultureInfo.InvariantCulture)));
            foreach (var t in tests)
            {
                var testcase = new XElement("testcase", new XAttribute("name", t.Name), new XAttribute("classname", r.Id),
                    new XAttribute("time", t.Seconds.ToString("F3", CultureInfo.InvariantCulture)));
                if (t.Status == TestStatus.Failed) testcase.Add(new XElement("failure", new XAttribute("message", t.Message ?? "failed")));
                // Surefire's rerun elements: a flaky test's failed attempts; a failed test's failed reruns.
                if (r.Reruns.FirstOrDefault(a => a.Test == t.Name) is { } rerun)
                    foreach (var attempt in rerun.Attempts.Where(a => !a.Passed && (rerun.Flaky && t.Status == TestStatus.Passed || a.Number > 1)))
                        testcase.Add(new XElement(rerun.Flaky && t.Status == TestStatus.Passed ? "flakyFailure" : "rerunFailure",
                            new XAttribute("message", $"attempt {attempt.Number}: {attempt.Line}"), new XAttribute("time", attempt.Seconds.ToString("F3", CultureInfo.InvariantCulture))));
                if (Skipped(t)) testcase.Add(new XElement("skipped", new XAttribute("message", SkipMessage(t))));
                if (!string.IsNullOrEmpty(t.Output)) testcase.Add(new XElement("system-out", t.Output));
                suite.Add(testcase);
            }
            // A configuration that did not run, or cannot run here, is one skipped case with the reason, so CI shows it.
            if (r.Status is ConfigurationStatus.NotRun or ConfigurationStatus.Unavailable)
            {
                suite.SetAttributeValue("tests", tests.Count + 1);
                suite.SetAttributeValue("skipped", tests.Count(Skipped) + 1);
                suite.Add(new XElement("testcase", new XAttribute("name", r.Status == ConfigurationStatus.NotRun ? "not run" : "unavailable"), new XAttribute("classname", r.Id),
                    new XElement("skipped", new XAttribute("message", r.Reason ?? r.StatusText))));
            }
            // A configuration that failed before its tests ran is one failing case, so CI shows it.
            else if (r.Steps.FirstOrDefault(s => s.Status is StepStatus.Failed or StepStatus.TimedOut) is { } step && step.Step != StepKind.Test)
                suite.Add(new XElement("testcase", new XAttribute("name", $"{step.Name} step"), new XAttribute("classname", r.Id),
                    new XElement("failure", new XAttribute("message", step.Reason ?? step.Status.ToString()))));
            suites.Add(suite);
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites).ToString() + "\n";
    }

    /// <summary>Left out, skipped or quarantined: a JUnit skipped case, with the reason.</summary>
    private static bool Skipped(TestCaseResult t) => t.Status is TestStatus.Skipped or TestStatus.NotRun or TestStatus.Quarantined;

    private static string SkipMessage(TestCaseResult t) => t.Status == TestStatus.Quarantined
        ? $"quarantined: {t.Quarantine?.Reason}{(t.Quarantine?.Link is { } link ? $" ({link})" : "")}; failed with: {t.Message}"
        : t.Message ?? "skipped";

    /// <summary>
    /// What a summary must say about a configuration's tests besides the counts: a warning when
    /// they were mostly filtered away, the quarantined failures, quarantined tests that passed, and
    /// quarantine entries that matched no test.
    /// </summary>
    internal static IEnumerable<TestNote> TestNotes(ConfigurationResult r)
    {
        if (r.Abi is { } abi) yield return abi.Compatible ? TestNote.Info($"ABI {r.Id}: {abi.Describe()}") : TestNote.Warning($"ABI {r.Id}: {abi.Describe()}"); // --abi-baseline: the verdict, with the broken symbols by name
        if (r.Tests.Count == 0) yield break;
        var tally = TestTally.Of(r.Tests);
        if (tally.Warning is { } warning) yield return TestNote.Warning($"WARNING {r.Id}: {warning}");
        foreach (var a in r.Reruns)
            yield return !a.Flaky ? TestNote.Info($"Failed every attempt {r.Id}: {a.Test}: {a.Describe()}")
                : r.Tests.Any(t => t.Name == a.Test && t.Status == TestStatus.Failed) ? TestNote.Warning($"Failed {r.Id}: flaky test {a.Test} (--flaky=fail): {a.Describe()}")
                : TestNote.Warning($"WARNING {r.Id}: flaky test {a.Test}: {a.Describe()}");
        foreach (var h in r.History)
            yield return TestNote.Info($"History {r.Id}: {h.Test} {h.Describe()}");
        foreach (var t in r.Tests.Where(t => t.Status == TestStatus.Quarantined))
            yield return TestNote.Info($"Quarantined {r.Id}: {t.Name} {(t.LeftOut == TestLeftOut.Quarantined ? "not run (left out by GTEST_FILTER)" : "failed")} — {t.Quarantine?.Reason}{(t.Quarantine?.Link is { } link ? $" ({link})" : "")}");
        foreach (var t in tally.QuarantinedButPassed)
            yield return TestNote.Info($"Quarantined but passed {r.Id}: {t.Name} — remove the entry? ({t.Quarantine?.Reason})");
        foreach (var entry in r.UnmatchedQuarantine)
            yield return TestNote.Warning($"WARNING {r.Id}: quarantine entry {entry} matches none of the {r.Tests.Count} tests of this run: renamed or removed? Fix its test name or remove it");
    }

    internal static string MarkdownText(IReadOnlyList<ConfigurationResult> results, int selected, bool interrupted)
    {
        var text = new StringBuilder();
        var passed = results.Count(r => r.Succeeded);
        text.Append("### realm-ci: ").Append(passed).Append(" of ").Append(selected).Append(" configurations passed");
        var notRun = results.Count(r => r.Status == ConfigurationStatus.NotRun);
        var unavailable = results.Count(r => r.Status == ConfigurationStatus.Unavailable);
        if (notRun > 0) text.Append(CultureInfo.InvariantCulture, $", {notRun} not run");
        if (unavailable > 0) text.Append(CultureInfo.InvariantCulture, $", {unavailable} unavailable here");
        if (interrupted) text.Append(" (interrupted)");
        text.Append("\n\n| Id | Status | Time | Passed | Failed | Skipped | First failure |\n|---|---|---:|---:|---:|---:|---|\n");
        foreach (var r in results)
        {
            var c = r.Counts;
            text.Append(CultureInfo.InvariantCulture, $"| `{r.Id}` | {Status(r)} | {Duration(r.Seconds)} | {c.Passed} | {c.Failed} | {c.Skipped} | {Escape(r.Note ?? "")} |\n");
        }
        var notes = results.SelectMany(TestNotes).ToList();
        if (notes.Count > 0)
        {
            text.Append('\n');
            foreach (var note in notes)
                text.Append(note.IsWarning ? "> ⚠️ **" + Escape(note.Text) + "**" : "- " + Escape(note.Text)).Append('\n');
        }
        foreach (var r in results.Where(r => r.Known.Count > 0))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n`{r.Id}`:\n");
            foreach (var line in r.Known.SelectMany(FailureDiagnosis.Describe)) text.Append("- ").Append(Escape(line.Trim())).Append('\n');
        }
        var failures = results.Where(r => r.Status is ConfigurationStatus.Failed or ConfigurationStatus.Cancelled).ToList();
        if (failures.Count > 0)
        {
            text.Append("\nReproduce locally:\n\n");
            foreach (var r in failures) text.Append("    ").Append(r.Reproduce).Append('\n');
        }
        return text.ToString();
    }

    internal static string Status(ConfigurationResult r) => r.Status switch
    {
        ConfigurationStatus.Passed => "✅ passed",
        ConfigurationStatus.Cached => "♻️ cached",
        ConfigurationStatus.Failed => "❌ failed",
        ConfigurationStatus.NotRun => "⏭️ not run",
        ConfigurationStatus.Unavailable => "🚫 unavailable",
        _ => "⏹️ cancelled",
    };

    internal static string Duration(double seconds) =>
        seconds >= 60 ? string.Create(CultureInfo.InvariantCulture, $"{(int)seconds / 60}m{(int)seconds % 60:00}s") : string.Create(CultureInfo.InvariantCulture, $"{seconds:F1}s");

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
