using System.Collections.Immutable;
using System.Text.Json;
using RealmCi.CMake;
using RealmCi.Execution;
using RealmCi.Matrix;

namespace RealmCi.IntegrationTests;

/// <summary>
/// The real engine, CMake and ctest with the fixture's two tests named unit.same_name (another
/// directory, another executable; one fails on purpose): both are accounted for by executable,
/// reported as sharing a name, and a quarantine entry names the failing one — directly and
/// behind the fixture's launcher (the wrapped CTestTestfile.cmake holds both).
/// </summary>
[Collection("engine")]
public class TellingSameNamedTestsApart(EngineFixture fx)
{
    [Theory]
    [InlineData("release-local")]
    [InlineData("release-fake2")]
    public async Task BothRunAndTheQuarantineEntryNamesTheFailingOneByExecutable(string id)
    {
        var c = fx.Config(id, new Facets { Cmake = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal).Add("FIXTURE_SAME_NAMES", "ON") });
        var entry = new QuarantineEntry("*", "unit.same_name [unit_tests]", "fixture: fails on purpose", null, SourceSpan.None("matrix.yaml"));
        var options = fx.Options($"same-name-{id}") with { Force = true, Quarantine = new([entry]) };
        var runner = new ConfigurationRunner(options, fx.Engine, new RealmCi.Images.ImagePreparer(fx.Engine, false), new SilentObserver(),
            new RealmCi.Caching.ResultCache(options.Cache), await RealmCi.Caching.SourceFingerprint.ComputeAsync(options.Source, CancellationToken.None));
        var r = await runner.RunAsync(c, 2, CancellationToken.None);

        Assert.True(r.Status == ConfigurationStatus.Passed, $"{r.Status}: {r.FirstFailure} {r.Reason}; {string.Join("; ", r.Tests.Select(t => $"{t.Name} {t.Status} {t.Message}"))}");
        Assert.Equal(TestStatus.Passed, r.Tests.Single(t => t.Name == "unit.same_name [integration_test]").Status);
        Assert.Equal(TestStatus.Quarantined, r.Tests.Single(t => t.Name == "unit.same_name [unit_tests]").Status);
        Assert.DoesNotContain(r.Tests, t => t.LeftOut == TestLeftOut.NoResult);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(options.Artifacts, id, "result.json")));
        var tests = json.RootElement.GetProperty("tests");
        Assert.Equal(r.Tests.Count, tests.GetProperty("defined").GetInt32());
        Assert.Contains("2 tests share the name unit.same_name, each accounted for", tests.GetProperty("warning").GetString());
    }
}
