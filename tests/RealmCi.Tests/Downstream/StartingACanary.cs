using System.Collections.Immutable;
using RealmCi.Downstream;
using RealmCi.Errors;
using RealmCi.Execution;
using RealmCi.Matrix;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Downstream;

/// <summary>What the Canary target refuses before it touches an engine or a source: one line, exit 2.</summary>
public class StartingACanary
{
    private static Task<int> Start(string matrixText, params (string Name, string Path)[] sources)
    {
        var m = Yaml.Open(matrixText);
        var selection = Selector.Select(m, new SelectionOptions());
        var options = new PipelineOptions { Source = "/nonexistent", Artifacts = "/nonexistent/a", Cache = "/nonexistent/c" };
        var canary = new CanaryOptions(sources.ToImmutableSortedDictionary(s => s.Name, s => s.Path, StringComparer.Ordinal), "/");
        return CanaryPipeline.RunAsync(selection, options, m.Definition, canary,
            () => throw new InvalidOperationException("the engine must not be reached"), null!, CancellationToken.None);
    }

    [Fact]
    public async Task AMatrixWithoutDownstreamsIsAnInputError()
    {
        var e = await Assert.ThrowsAsync<RealmCiException>(() => Start(Yaml.Small));
        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
        Assert.Contains("m.yaml: no downstreams: section", e.Message);
    }

    [Fact]
    public async Task ASourceForAnUnknownDownstreamIsAnInputErrorWithASuggestion()
    {
        var text = Yaml.Small + "downstreams:\n  legion: { ref: v1, compose: { install: {} } }\n";
        var e = await Assert.ThrowsAsync<RealmCiException>(() => Start(text, ("legoin", "/x")));
        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
        Assert.Contains("--downstream-source=legoin=…: 'legoin' is not a downstream of m.yaml (did you mean 'legion'?)", e.Message);
    }

    [Fact]
    public void TheWorstExitWins()
    {
        Assert.Equal(ExitCodes.Failed, CanaryPipeline.Worst([0, 4, 1]));
        Assert.Equal(ExitCodes.ConfigurationUnavailable, CanaryPipeline.Worst([0, 4]));
        Assert.Equal(ExitCodes.Interrupted, CanaryPipeline.Worst([1, 130]));
        Assert.Equal(ExitCodes.Success, CanaryPipeline.Worst([0, 0]));
    }
}
