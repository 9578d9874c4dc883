using System.Text.Json;
using RealmCi.Execution;
using RealmCi.Matrix;

namespace RealmCi.IntegrationTests;

/// <summary>A real configure failure in the engine, matched against a signature from a matrix file's <c>signatures:</c>.</summary>
[Collection("engine")]
public class ExplainingAKnownFailure(EngineFixture fx)
{
    private static FailureSignatures Signatures(string pattern) => MatrixFile.Parse($$"""
        axes: { a: { values: { a1: {} } } }
        signatures:
          - { name: asked-to-fail, step: configure, pattern: '{{pattern}}', explanation: FIXTURE_FAIL asked for it, fix: drop the nocfg value }

        """, "m.yaml").Definition.Signatures;

    private async Task<ConfigurationResult> Run(string name, FailureSignatures signatures) =>
        await new ConfigurationRunner(fx.Options(name) with { Signatures = signatures }, fx.Engine, new RealmCi.Images.ImagePreparer(fx.Engine, false), new SilentObserver())
            .RunAsync(fx.Config("debug-local-nocfg"), 2, CancellationToken.None);

    [Fact]
    public async Task AMatchingConfigureLogIsExplainedInTheResultAndResultJson()
    {
        var r = await Run("known", Signatures(@"fixture: failing at configure, as FIXTURE_FAIL asked"));
        Assert.Equal(ConfigurationStatus.Failed, r.Status);
        var known = Assert.Single(r.Known);
        Assert.Equal("asked-to-fail", known.Name);
        Assert.Contains("fixture: failing at configure", known.Line);
        Assert.StartsWith("configure.log:", known.Where);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(r.Artifacts, "result.json")));
        var written = json.RootElement.GetProperty("knownFailures")[0];
        Assert.Equal("asked-to-fail", written.GetProperty("name").GetString());
        Assert.Equal("drop the nocfg value", written.GetProperty("fix").GetString());
    }

    [Fact]
    public async Task ANearMissLeavesTheFailureUnknown()
    {
        var r = await Run("unknown", Signatures(@"fixture: failing at build"));
        Assert.Equal(ConfigurationStatus.Failed, r.Status);
        Assert.Empty(r.Known);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(r.Artifacts, "result.json")));
        Assert.False(json.RootElement.TryGetProperty("knownFailures", out _));
    }
}
