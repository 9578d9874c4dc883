using System.Text.Json;
using RealmCi.Execution;
using RealmCi.Matrix;

namespace RealmCi.IntegrationTests;

/// <summary>
/// --coverage twice into one artifacts folder (the build tree kept, only the outputs cleared):
/// gcc's counters (.gcda) would add the first run's executions to the second's; each test step
/// starts them from zero, so a rerun reports what it ran, not a running total.
/// </summary>
[Collection("engine")]
public class RerunningWithCoverage(EngineFixture fx)
{
    private static Dictionary<int, long> Counts(string folder)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "coverage.json")));
        var file = doc.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("file").GetString() == "src/realm.cc");
        return file.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("line_number").GetInt32(), l => l.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task ASecondCoverageRunCountsOnlyItsOwnExecutions()
    {
        var selection = Selector.Select(fx.Matrix, new SelectionOptions { Configs = ["debug-local"] });
        selection = selection with { Configurations = [.. selection.Configurations.Select(RealmCi.CodeCoverage.CoverageBuild.Instrument)] };
        var options = fx.Options("coverage-rerun") with { Force = true, Coverage = true };
        var folder = Path.Combine(options.Artifacts, "debug-local");

        Assert.Equal(0, await Pipeline.RunAsync(selection, options, () => fx.Engine, new SilentObserver(), CancellationToken.None));
        var first = Counts(folder);
        Assert.Contains(first.Values, c => c > 0);
        Assert.Equal(0, await Pipeline.RunAsync(selection, options, () => fx.Engine, new SilentObserver(), CancellationToken.None));
        Assert.Equal(first, Counts(folder));
    }
}
