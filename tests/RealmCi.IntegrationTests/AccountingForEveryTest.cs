using RealmCi.Results;
using System.Text.Json;
using System.Xml.Linq;
using RealmCi.CMake;
using RealmCi.Execution;
using RealmCi.Matrix;

namespace RealmCi.IntegrationTests;

/// <summary>The real engine and the fixture: every test the build defines is reported, ran or left out with the reason.</summary>
[Collection("engine")]
public class AccountingForEveryTest(EngineFixture fx)
{
    private async Task<ConfigurationResult> Run(BuildConfiguration c, PipelineOptions options)
    {
        var runner = new ConfigurationRunner(options, fx.Engine, new RealmCi.Images.ImagePreparer(fx.Engine, false), new SilentObserver(),
            new RealmCi.Caching.ResultCache(options.Cache), await RealmCi.Caching.SourceFingerprint.ComputeAsync(options.Source, CancellationToken.None));
        return await runner.RunAsync(c, 2, CancellationToken.None);
    }

    private static Quarantine Entry(string configs, string test) =>
        new([new QuarantineEntry(configs, test, "fixture: fails on purpose", new Uri("https://example.org/issues/7"), SourceSpan.None("matrix.yaml"))]);

    [Fact]
    public async Task TestsTheLabelFilterDropsAreLeftOutWithTheReasonAndAQuarantinedFailureLeavesTheConfigurationPassed()
    {
        // Besides the entry that applies: one whose test does not exist (renamed away), reported with its line, and one for other configurations, not reported.
        var quarantine = new Quarantine([.. Entry("debug-local-*", "unit.broken").Entries,
            new QuarantineEntry("debug-local-*", "unit.renamed_away", "fixture: gone", null, new SourceSpan("matrix.yaml", 12, 5)),
            new QuarantineEntry("release-*", "unit.elsewhere", "fixture: other rows", null, new SourceSpan("matrix.yaml", 15, 5))]);
        var options = fx.Options("account") with { Quarantine = quarantine };
        options = options with { Cache = Path.Combine(options.Artifacts, "cache") }; // its own result cache
        var r = await Run(fx.Config("debug-local-badtest"), options);
        Assert.Equal(["matrix.yaml:12: test 'unit.renamed_away' (configs 'debug-local-*')"], r.UnmatchedQuarantine);

        Assert.Equal(ConfigurationStatus.Passed, r.Status);
        Assert.Equal(StepStatus.Passed, r.Steps.Single(s => s.Step == StepKind.Test).Status);
        Assert.Null(r.FirstFailure);
        var broken = r.Tests.Single(t => t.Name == "unit.broken");
        Assert.Equal(TestStatus.Quarantined, broken.Status);
        Assert.Equal("fixture: fails on purpose", broken.Quarantine?.Reason);
        var bench = r.Tests.Single(t => t.Name == "benchmark.speed");
        Assert.Equal((TestStatus.NotRun, TestLeftOut.LabelFilter), (bench.Status, bench.LeftOut));
        Assert.Contains("labels [benchmark]", bench.Message);
        Assert.Equal(TestLeftOut.NeedsGpu, r.Tests.Single(t => t.Name == "integration.gpu").LeftOut);
        Assert.Equal(["benchmark.speed", "integration.gpu", "integration.ranks", "unit.broken", "unit.max_dim", "unit.version"],
            r.Tests.Select(t => t.Name).Order(StringComparer.Ordinal)); // every defined test, once

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(options.Artifacts, "debug-local-badtest", "result.json")));
        var tests = json.RootElement.GetProperty("tests");
        Assert.Equal("passed", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(6, tests.GetProperty("defined").GetInt32());
        Assert.Equal(1, tests.GetProperty("quarantined").GetInt32());
        Assert.Equal(1, tests.GetProperty("notRun").GetProperty("labelFilter").GetInt32());
        Assert.Equal("matrix.yaml:12: test 'unit.renamed_away' (configs 'debug-local-*')", Assert.Single(tests.GetProperty("unmatchedQuarantine").EnumerateArray()).GetString());
        Assert.Empty(await fx.Leftovers(options.RunId));

        // Unchanged inputs: cached, still quarantined. Without the entry the cached pass no longer holds: it runs again and fails.
        var again = await Run(fx.Config("debug-local-badtest"), options with { RunId = options.RunId + "b" });
        Assert.Equal(ConfigurationStatus.Cached, again.Status);
        Assert.Equal(TestStatus.Quarantined, again.Tests.Single(t => t.Name == "unit.broken").Status);
        Assert.Equal(r.UnmatchedQuarantine, again.UnmatchedQuarantine); // a cached result is checked against today's entries too
        var unquarantined = await Run(fx.Config("debug-local-badtest"), options with { RunId = options.RunId + "c", Quarantine = Quarantine.Empty });
        Assert.Equal(ConfigurationStatus.Failed, unquarantined.Status);
        Assert.Equal("test unit.broken", unquarantined.FirstFailure);
    }

    [Fact]
    public async Task ABundledGoogleTestsFailingCaseIsNamedAndItsCasesCounted()
    {
        var c = fx.Config("release-local", new Facets
        {
            Cmake = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal)
                .Add("FIXTURE_GTEST", "ON").Add("FIXTURE_GTEST_FAIL", "ON"),
        });
        // Select every test but benchmarks (no -L), so the unlabelled bundle runs — as sanitizer rows must run Realm's.
        c = c with { Settings = c.Settings with { Packages = c.Settings.Packages.Add("libgtest-dev"), Test = c.Settings.Test with { Labels = [] } } };
        var options = fx.Options("gtest") with { Force = true };
        var r = await Run(c, options);

        Assert.Equal(ConfigurationStatus.Failed, r.Status);
        Assert.Equal("test gtest_bundle/Bundle.Fails", r.FirstFailure);
        Assert.Equal(TestStatus.Passed, r.Tests.Single(t => t.Name == "gtest_bundle/Bundle.Passes").Status);
        var disabled = r.Tests.Single(t => t.Name == "gtest_bundle/Bundle.DISABLED_Later");
        Assert.Equal((TestStatus.Skipped, TestLeftOut.Disabled), (disabled.Status, disabled.LeftOut));
        Assert.DoesNotContain(r.Tests, t => t.Name == "gtest_bundle");
        Assert.Contains("fails on purpose", r.Tests.Single(t => t.Name == "gtest_bundle/Bundle.Fails").Output);

        var junit = SummaryJUnit(r);
        Assert.Contains(junit.Descendants("testcase"), e => (string?)e.Attribute("name") == "gtest_bundle/Bundle.Fails" && e.Element("failure") is not null);
        Assert.Empty(await fx.Leftovers(options.RunId));
    }

    private static XDocument SummaryJUnit(ConfigurationResult r)
    {
        var dir = Directory.CreateTempSubdirectory("realm-ci-it-junit-").FullName;
        try
        {
            var files = new RealmCi.Reporting.SummaryFiles(dir, "test", [r.Id]);
            files.Add(r);
            return XDocument.Load(files.JUnit);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
