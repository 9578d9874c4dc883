using RealmCi.Flakiness;

namespace RealmCi.Tests.Flakiness;

public class KeepingTestHistory : InTempFolder
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    internal static ConfigurationResult Result(string id, ConfigurationStatus status, IReadOnlyList<TestCaseResult> tests, IReadOnlyList<TestAttempts>? reruns = null, string run = "r1") =>
        new(id, status, [], tests, null, ExecutorKind.Docker, T0, 1, "/a", "./build.sh") { RunId = run, Reruns = reruns ?? [] };

    private static Dictionary<string, TestOutcome> Outcomes(params (string Test, TestOutcome Outcome)[] o) => o.ToDictionary(x => x.Test, x => x.Outcome);

    [Fact]
    public void EachRunAddsOneLetterToEveryTestAndTheWindowKeepsTheLastTwenty()
    {
        var h = ConfigurationHistory.Empty("c");
        for (var i = 0; i < 25; i++)
            h = h.Add(new HistoryRun($"r{i}", T0.AddHours(i)), i == 3 ? Outcomes(("b", TestOutcome.Failed)) : Outcomes(("a", i % 5 == 0 ? TestOutcome.Failed : TestOutcome.Passed)));
        Assert.Equal(ConfigurationHistory.Limit, h.Runs.Length);
        Assert.Equal("r5", h.Runs[0].Run);
        Assert.Equal("FPPPPFPPPPFPPPPFPPPP", h.Tests["a"]);
        Assert.False(h.Tests.ContainsKey("b")); // its one run (r3) left the window
        Assert.Equal(new TestRecord("a", 20, 4, 0), h.Record("a"));
        Assert.Equal(T0.AddHours(20), h.LastFailed("a"));
    }

    [Fact]
    public void ATestThatDidNotRunIsADashAndANewTestStartsWithDashes()
    {
        var h = ConfigurationHistory.Empty("c")
            .Add(new HistoryRun("r1", T0), Outcomes(("a", TestOutcome.Passed)))
            .Add(new HistoryRun("r2", T0), Outcomes(("b", TestOutcome.Flaky)))
            .Add(new HistoryRun("r3", T0), Outcomes(("a", TestOutcome.Failed), ("b", TestOutcome.Passed)));
        Assert.Equal(("P-F", "-XP"), (h.Tests["a"], h.Tests["b"]));
        Assert.Equal(new TestRecord("b", 2, 1, 1), h.Record("b"));
        Assert.Equal("failed 1 of the last 2 runs (1 passed on a rerun)", h.Record("b")!.Describe());
        Assert.Same(h, h.Add(new HistoryRun("r4", T0), Outcomes())); // a run without tests is no run of the history
    }

    [Fact]
    public void OutcomesComeFromTheTestsAndTheirReruns()
    {
        var r = Result("c", ConfigurationStatus.Failed,
        [
            new("ok", TestStatus.Passed, 1), new("bad", TestStatus.Failed, 1), new("flaky", TestStatus.Passed, 1),
            new("flakyfail", TestStatus.Failed, 1), new("q", TestStatus.Quarantined, 1),
            new("q-left-out", TestStatus.Quarantined, 0) { LeftOut = TestLeftOut.Quarantined },
            new("gpu", TestStatus.Skipped, 0), new("label", TestStatus.NotRun, 0), new("bundle/Suite.Case", TestStatus.Failed, 1) { InBundle = new("bundle", "Suite.Case") },
        ],
        [new("flaky", [new(1, false, 1, "x"), new(2, true, 1, null)]), new("flakyfail", [new(1, false, 1, "x"), new(2, true, 1, null)]), new("bad", [new(1, false, 1, "x"), new(2, false, 1, "x")])]);
        Assert.Equal(
            new Dictionary<string, TestOutcome> { ["ok"] = TestOutcome.Passed, ["bad"] = TestOutcome.Failed, ["flaky"] = TestOutcome.Flaky, ["flakyfail"] = TestOutcome.Flaky, ["q"] = TestOutcome.Failed, ["bundle/Suite.Case"] = TestOutcome.Failed },
            TestOutcomes.Of(r));
        Assert.Empty(TestOutcomes.Of(r with { Status = ConfigurationStatus.Cached })); // nothing ran
    }

    [Fact]
    public void ATrustedRunWritesTheHistoryAndItsSummarySaysHowOftenTheTestFailed()
    {
        var store = new HistoryStore(dir);
        for (var i = 0; i < 3; i++)
            HistoryRecorder.Apply(Result("c", ConfigurationStatus.Passed, [new("t", TestStatus.Passed, 1)], run: $"p{i}"), HistoryMode.Write, store, T0.AddHours(i));
        var failed = HistoryRecorder.Apply(Result("c", ConfigurationStatus.Failed, [new("t", TestStatus.Failed, 1), new("u", TestStatus.Passed, 1)], run: "f"), HistoryMode.Write, store, T0.AddHours(5));

        Assert.Equal(ConfigurationStatus.Failed, failed.Status); // notes only
        Assert.Equal([new TestRecord("t", 4, 1, 0)], failed.History);
        Assert.Contains("History c: t failed 1 of the last 4 runs", RealmCi.Reporting.SummaryFiles.TestNotes(failed).Select(n => n.Text));
        Assert.Equal(Path.Combine(dir, "history", "c.json"), store.PathOf("c"));
        var kept = store.Read("c");
        Assert.Equal(("PPPF", "---P", "f"), (kept.Tests["t"], kept.Tests["u"], kept.Runs[^1].Run));
    }

    [Fact]
    public void AnUntrustedRunCountsItselfButWritesNothingAndOffDoesNeither()
    {
        var store = new HistoryStore(dir);
        HistoryRecorder.Apply(Result("c", ConfigurationStatus.Failed, [new("t", TestStatus.Failed, 1)]), HistoryMode.Write, store, T0);
        var read = HistoryRecorder.Apply(Result("c", ConfigurationStatus.Failed, [new("t", TestStatus.Failed, 1)], run: "pr"), HistoryMode.Read, store, T0);
        Assert.Equal([new TestRecord("t", 2, 2, 0)], read.History);
        Assert.Equal("F", store.Read("c").Tests["t"]);
        var off = HistoryRecorder.Apply(Result("c", ConfigurationStatus.Failed, [new("t", TestStatus.Failed, 1)]), HistoryMode.Off, store, T0);
        Assert.Empty(off.History);
        Assert.Single(store.Read("c").Runs);
    }

    [Fact]
    public void AnUnreadableFileIsNoHistory()
    {
        var store = new HistoryStore(dir);
        Directory.CreateDirectory(store.Folder);
        File.WriteAllText(store.PathOf("c"), "{ not json");
        Assert.Empty(store.Read("c").Runs);
        Assert.Equal("P", store.Update("c", h => h.Add(new("r", T0), Outcomes(("t", TestOutcome.Passed)))).Tests["t"]);
    }

    [Fact]
    public void CleanListsTheHistoryFolder() =>
        Assert.Contains(("history", Path.Combine(dir, "history")), new RealmCi.Layout.CacheLayout(dir).WholeFolders);
}
