using System.Text.Json;
using RealmCi.CMake;
using RealmCi.Execution;
using RealmCi.Matrix;
using RealmCi.Reporting;

namespace RealmCi.IntegrationTests;

/// <summary>
/// --rerun-failures in the real engine: the fixture's unit.flaky (FIXTURE_FAIL=flaky) fails its first
/// attempt and passes the next, deterministically; unit.broken (FIXTURE_FAIL=test) fails every time.
/// </summary>
[Collection("engine")]
public class RerunningFailures(EngineFixture fx)
{
    private async Task<ConfigurationResult> Run(string name, string fail, int reruns, bool flakyFails = false)
    {
        var commandLine = Facets.Empty with { Cmake = Facets.Empty.Cmake.SetItem("FIXTURE_FAIL", fail) };
        var options = fx.Options(name) with { RerunFailures = reruns, FlakyFails = flakyFails, Force = true };
        return await new ConfigurationRunner(options, fx.Engine, new RealmCi.Images.ImagePreparer(fx.Engine, false), new SilentObserver())
            .RunAsync(fx.Config("debug-local", commandLine), 2, CancellationToken.None);
    }

    [Fact]
    public async Task ATestThatPassesOnARerunIsFlakyAndPassesWithAWarning()
    {
        var r = await Run("flaky2", "flaky", reruns: 2);
        Assert.Equal(ConfigurationStatus.Passed, r.Status);
        var flaky = Assert.Single(r.Reruns);
        Assert.Equal(("unit.flaky", "flaky"), (flaky.Test, flaky.Outcome));
        Assert.Equal([false, true], flaky.Attempts.Select(a => a.Passed));
        Assert.Equal(TestStatus.Passed, r.Tests.Single(t => t.Name == "unit.flaky").Status);
        Assert.Contains(SummaryFiles.TestNotes(r), n => n.IsWarning && n.Text.StartsWith("WARNING debug-local: flaky test unit.flaky: failed attempt 1", StringComparison.Ordinal) && n.Text.EndsWith("passed attempt 2 of 2", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(r.Artifacts, "result.json")));
        Assert.Equal(2, json.RootElement.GetProperty("reruns")[0].GetProperty("attempts").GetArrayLength());
        Assert.Contains("-R '^(unit\\.flaky)$'", File.ReadAllText(Path.Combine(r.Artifacts, "reproduce.sh")));
        Assert.Contains("# rerun attempt 2 of the failed tests: unit.flaky passed", File.ReadAllText(Path.Combine(r.Artifacts, "reproduce.sh")));
        Assert.Contains("--rerun-failures=2", r.Reproduce);
        Assert.Null(r.CacheKey); // a flaky pass is not reused
        var junit = System.Xml.Linq.XDocument.Parse(SummaryFiles.JUnitText([r]));
        var testcase = junit.Descendants("testcase").Single(t => (string?)t.Attribute("name") == "unit.flaky");
        Assert.Null(testcase.Element("failure"));
        Assert.StartsWith("attempt 1: ", (string?)testcase.Element("flakyFailure")?.Attribute("message"));
    }

    [Fact]
    public async Task ABundledGoogleTestCaseIsRerunAloneAndIsFlakyOrFailedOnItsOwn()
    {
        var c = fx.Config("release-local", new Facets
        {
            Cmake = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal)
                .Add("FIXTURE_GTEST", "ON").Add("FIXTURE_GTEST_FAIL", "ON").Add("FIXTURE_GTEST_FLAKY", "ON"),
        });
        // Every test but benchmarks (no -L), so the unlabelled bundle runs, as Realm's does under a sanitizer.
        c = c with { Settings = c.Settings with { Packages = c.Settings.Packages.Add("libgtest-dev"), Test = c.Settings.Test with { Labels = [] } } };
        var options = fx.Options("gtest-reruns") with { RerunFailures = 2, Force = true };
        var r = await new ConfigurationRunner(options, fx.Engine, new RealmCi.Images.ImagePreparer(fx.Engine, false), new SilentObserver()).RunAsync(c, 2, CancellationToken.None);

        var flaky = r.Reruns.Single(a => a.Test == "gtest_bundle/Bundle.Flaky");
        Assert.Equal(("flaky", new BundledCase("gtest_bundle", "Bundle.Flaky")), (flaky.Outcome, flaky.InBundle));
        Assert.Equal([false, true], flaky.Attempts.Select(a => a.Passed));
        var failed = r.Reruns.Single(a => a.Test == "gtest_bundle/Bundle.Fails");
        Assert.Equal(("failed", 3), (failed.Outcome, failed.Attempts.Count));
        Assert.Equal(2, r.Reruns.Count); // Bundle.Passes passed: never rerun
        Assert.Equal(TestStatus.Passed, r.Tests.Single(t => t.Name == "gtest_bundle/Bundle.Flaky").Status);
        Assert.Equal(ConfigurationStatus.Failed, r.Status); // Bundle.Fails
        Assert.Equal("test gtest_bundle/Bundle.Fails", r.FirstFailure);

        // Each rerun ran its one case: GoogleTest says so (in ctest's JUnit of the rerun; a failing one also in the log), and wrote only that case's XML.
        Assert.Contains("Note: Google Test filter = Bundle.Flaky", File.ReadAllText(Path.Combine(r.Artifacts, "rerun-2-case1.xml")));
        Assert.Contains("Note: Google Test filter = Bundle.Fails", File.ReadAllText(Path.Combine(r.Artifacts, "test.log")));
        var xml = Directory.GetFiles(Path.Combine(r.Artifacts, "build", "realm-ci-gtest", "rerun-2-case1"), "*.xml").Single();
        Assert.Equal(["Bundle.Flaky"], RealmCi.CMake.GoogleTestXml.Parse(File.ReadAllText(xml)).Select(t => t.Name));
        Assert.Contains(SummaryFiles.TestNotes(r), n => n.Text.StartsWith("WARNING release-local: flaky test gtest_bundle/Bundle.Flaky: failed attempt 1", StringComparison.Ordinal));
        var reproduce = File.ReadAllText(Path.Combine(r.Artifacts, "reproduce.sh"));
        Assert.Contains("# rerun attempt 2 of the GoogleTest case alone: gtest_bundle/Bundle.Flaky passed", reproduce);
        Assert.Contains("GTEST_FILTER=Bundle.Flaky", reproduce);
    }

    [Fact]
    public async Task TheHistoryRemembersEachRunAndTheSummarySaysHowOftenItFailed()
    {
        var cache = Path.Combine(fx.Work, "history-cache");
        if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
        var commandLine = Facets.Empty with { Cmake = Facets.Empty.Cmake.SetItem("FIXTURE_FAIL", "flaky") };
        async Task<ConfigurationResult> Run(int reruns, RealmCi.Flakiness.HistoryMode mode, string run) =>
            await new ConfigurationRunner(fx.Options("history") with { RerunFailures = reruns, Force = true, Cache = cache, History = mode, RunId = run },
                fx.Engine, new RealmCi.Images.ImagePreparer(fx.Engine, false), new SilentObserver()).RunAsync(fx.Config("debug-local", commandLine), 2, CancellationToken.None);

        var first = await Run(2, RealmCi.Flakiness.HistoryMode.Write, "h1");   // flaky: passes on its rerun
        var second = await Run(0, RealmCi.Flakiness.HistoryMode.Write, "h2");  // no reruns: failed
        var passed = await Run(0, RealmCi.Flakiness.HistoryMode.Read, "h3");   // the marker left by h2: passes; a reading run keeps nothing
        var pr = await Run(0, RealmCi.Flakiness.HistoryMode.Read, "h4");       // fails: counted in its own line, not kept

        Assert.Equal([new TestRecord("unit.flaky", 1, 1, 1)], first.History);
        Assert.Contains("History debug-local: unit.flaky failed 2 of the last 2 runs (1 passed on a rerun)", SummaryFiles.TestNotes(second).Select(n => n.Text));
        Assert.Empty(passed.History); // lines only for tests that failed in this run
        Assert.Equal([new TestRecord("unit.flaky", 3, 3, 1)], pr.History);
        Assert.Equal(ConfigurationStatus.Failed, second.Status); // the history never decides
        var kept = new RealmCi.Flakiness.HistoryStore(cache).Read("debug-local");
        Assert.Equal(["h1", "h2"], kept.Runs.Select(x => x.Run));
        Assert.Equal("XF", kept.Tests["unit.flaky"]);
        Assert.Equal("PP", kept.Tests["unit.max_dim"]);
        var top = RealmCi.Flakiness.FlakyTest.Rank(new RealmCi.Flakiness.HistoryStore(cache).All())[0];
        Assert.Equal(("debug-local", "unit.flaky", true), (top.Configuration, top.Test, top.Intermittent));
    }

    [Fact]
    public async Task WithoutRerunsTheSameTestFails()
    {
        var r = await Run("flaky0", "flaky", reruns: 0);
        Assert.Equal(ConfigurationStatus.Failed, r.Status);
        Assert.Equal("test unit.flaky", r.FirstFailure);
        Assert.Empty(r.Reruns);
    }

    [Fact]
    public async Task FlakyFailFailsTheConfiguration()
    {
        var r = await Run("flakyfail", "flaky", reruns: 2, flakyFails: true);
        Assert.Equal(ConfigurationStatus.Failed, r.Status);
        Assert.True(Assert.Single(r.Reruns).Flaky);
        Assert.Contains("--flaky=fail", r.Reproduce);
    }

    [Fact]
    public async Task ATestThatFailsEveryAttemptIsFailedWithEachAttemptKept()
    {
        var r = await Run("broken2", "test", reruns: 2);
        Assert.Equal(ConfigurationStatus.Failed, r.Status);
        var failed = Assert.Single(r.Reruns);
        Assert.Equal(("unit.broken", "failed", 3), (failed.Test, failed.Outcome, failed.Attempts.Count));
        Assert.Contains(SummaryFiles.TestNotes(r), n => !n.IsWarning && n.Text.StartsWith("Failed every attempt debug-local: unit.broken", StringComparison.Ordinal));
        var junit = System.Xml.Linq.XDocument.Parse(SummaryFiles.JUnitText([r]));
        var testcase = junit.Descendants("testcase").Single(t => (string?)t.Attribute("name") == "unit.broken");
        Assert.NotNull(testcase.Element("failure"));
        Assert.Equal(2, testcase.Elements("rerunFailure").Count());
        Assert.Contains("fixture: this test fails on purpose", File.ReadAllText(Path.Combine(r.Artifacts, "test.log")));
    }
}
