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
