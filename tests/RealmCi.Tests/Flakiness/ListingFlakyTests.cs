using System.Text.Json;
using RealmCi.Build;
using RealmCi.Flakiness;
using RealmCi.Tests.Host;

namespace RealmCi.Tests.Flakiness;

public class ListingFlakyTests : InTempFolder
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A history of one configuration from letters per test (P, F, X, -), all the same length.</summary>
    private static ConfigurationHistory History(string id, params (string Test, string Letters)[] tests)
    {
        var h = ConfigurationHistory.Empty(id);
        for (var i = 0; i < tests[0].Letters.Length; i++)
            h = h.Add(new HistoryRun($"r{i}", T0.AddHours(i)), tests.Where(t => t.Letters[i] != '-').ToDictionary(t => t.Test,
                t => t.Letters[i] switch { 'P' => TestOutcome.Passed, 'F' => TestOutcome.Failed, _ => TestOutcome.Flaky }));
        return h;
    }

    [Fact]
    public void IntermittentTestsComeFirstByFailureRateThenTheOnesThatFailEveryRun()
    {
        var ranked = FlakyTest.Rank([
            History("a", ("steady", "PPPP"), ("rare", "PPPF"), ("broken", "FFFF"), ("often", "PFXF")),
            History("b", ("half", "P-F-")),
        ]);
        Assert.Equal(["a often", "b half", "a rare", "a broken"], ranked.Select(t => $"{t.Configuration} {t.Test}"));
        var often = ranked[0];
        Assert.Equal((4, 3, 1, "PFXF", T0.AddHours(3), true), (often.Runs, often.Failed, often.Flaky, often.History, often.LastFailed, often.Intermittent));
        Assert.False(ranked[^1].Intermittent);
    }

    private HostRun Flaky(params string[] args)
    {
        File.WriteAllText(Path.Combine(dir, "cake.config"), "[RealmCi]\nCache=cache\n");
        return HostRun.In(dir, typeof(BuildContext).Assembly, "Test", ["--target=Flaky", .. args]);
    }

    private void Keep(ConfigurationHistory h)
    {
        var store = new HistoryStore(Path.Combine(dir, "cache"));
        store.Update(h.Configuration, _ => h);
    }

    [Fact]
    public void TheTargetListsTheCachesHistoryAsATableOrJson()
    {
        Keep(History("gcc12-debug", ("unit.flaky", "PXPF"), ("unit.ok", "PPPP")));
        Keep(History("clang-tsan", ("machine_config", "FPFF")));

        var table = Flaky();
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("unit.flaky", table.Out);
        Assert.Contains("2 of 4", table.Out);
        Assert.DoesNotContain("unit.ok", table.Out);
        Assert.Contains("2 flaky and 0 failing every run, in 8 remembered run(s) of 2 configuration(s)", table.Out);

        var json = Flaky("--format=json", "--select=gcc12-*");
        using var doc = JsonDocument.Parse(json.Out);
        var only = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal(("gcc12-debug", "unit.flaky", 4, 2, 1, "PXPF", true), (only.GetProperty("configuration").GetString(), only.GetProperty("test").GetString(),
            only.GetProperty("runs").GetInt32(), only.GetProperty("failed").GetInt32(), only.GetProperty("flaky").GetInt32(), only.GetProperty("history").GetString(),
            only.GetProperty("intermittent").GetBoolean()));
    }

    [Fact]
    public void WithoutAHistoryTheTargetSaysWhereItLooked()
    {
        var r = Flaky();
        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"No flakiness history in {Path.Combine(dir, "cache", "history")}", r.Out);
        Assert.Equal("[]", Flaky("--format=json").Out.Trim());
    }
}
