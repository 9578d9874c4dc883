using System.Text.Json;
using RealmCi.CMake;
using RealmCi.Results;

namespace RealmCi.Reporting;

/// <summary>A configuration's <c>result.json</c>: status per step, durations, test counts, image, exact commands, cache key.</summary>
public static class ResultJson
{
    public static void Write(string path, ConfigurationResult r) => Write(path, Document(r));

    public static void Write(string path, ResultDocument document) =>
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, document, ReportJsonContext.Files.ResultDocument));

    /// <summary>The file's content, or null when it is missing or not a result.</summary>
    public static ResultDocument? Read(string path)
    {
        try { return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), ReportJsonContext.Files.ResultDocument) : null; }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException) { return null; }
    }

    /// <summary>The outcome as result.json writes it.</summary>
    public static string Outcome(TestStatus status) => status == TestStatus.NotRun ? "not-run" : status.ToString().ToLowerInvariant();

    /// <summary>The tests an earlier result.json recorded one by one (<c>tests.all</c>), or null when it has none.</summary>
    public static IReadOnlyList<TestCaseResult>? Tests(TestsDocument tests) => tests.All?.Select(t => new TestCaseResult(t.Name,
            Enum.TryParse<TestStatus>(t.Outcome.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var s) ? s : TestStatus.Skipped, 0, t.Reason)
        {
            LeftOut = t.LeftOut,
            Quarantine = t.QuarantineReason is { } reason ? new QuarantineNote(reason, t.QuarantineLink) : null,
            SharedName = t.SharedName,
        }).ToList();

    private static TestDocument Test(TestCaseResult t) =>
        new(t.Name, Outcome(t.Status), t.LeftOut, t.Status is TestStatus.Passed ? null : t.Message, t.Quarantine?.Reason, t.Quarantine?.Link) { SharedName = t.SharedName };

    public static ResultDocument Document(ConfigurationResult r)
    {
        var counts = r.Counts;
        var tests = new TestsDocument(counts.Passed, counts.Failed, counts.Skipped,
            [.. r.Tests.Where(t => t.Status == TestStatus.Failed).Select(t => t.Name)],
            [.. r.Tests.Where(t => t.Status == TestStatus.Skipped).Select(t => new SkipDocument(t.Name, t.Message))]);
        if (r.Tests.Count > 0)
        {
            var tally = TestTally.Of(r.Tests);
            tests = tests with
            {
                Defined = tally.Defined,
                Ran = tally.Ran,
                Quarantined = tally.Quarantined,
                NotRun = new SortedDictionary<string, int>(tally.NotRun, StringComparer.Ordinal),
                All = [.. r.Tests.Select(Test)],
                QuarantinedButPassed = tally.QuarantinedButPassed.IsEmpty ? null : [.. tally.QuarantinedButPassed.Select(Test)],
                UnmatchedQuarantine = r.UnmatchedQuarantine.Count == 0 ? null : r.UnmatchedQuarantine,
                Warning = tally.Warning,
            };
        }
        var steps = r.Steps.Select(s => new StepDocument(s.Name, s.Status.ToString().ToLowerInvariant(), s.ExitCode, Math.Round(s.Seconds, 2), s.Command, s.Log, s.Reason)).ToList();
        return new ResultDocument(r.Id, r.StatusText, r.Executor, r.Image, r.Started, Math.Round(r.Seconds, 2), tests, steps, r.FirstFailure, r.Reason, r.Artifacts, r.Reproduce)
        {
            CacheKey = r.CacheKey,
            Run = r.RunId,
            CachedAt = r.CachedAt,
            CachedFrom = r.CachedFrom,
            KnownFailures = r.Known.Count == 0 ? null : r.Known,
            Reruns = r.Reruns.Count == 0 ? null : r.Reruns,
            Abi = r.Abi is { } a ? new AbiDocument(a.Baseline, a.Verdict, a.Removed, a.Changed, a.Report) : null,
        };
    }
}
