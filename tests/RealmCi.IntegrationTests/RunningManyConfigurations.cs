using System.Text.Json;
using System.Xml.Linq;
using RealmCi.Containers;
using RealmCi.Execution;
using RealmCi.Matrix;

namespace RealmCi.IntegrationTests;

[Collection("engine")]
public class RunningManyConfigurations(EngineFixture fx)
{
    private Selection Select(params string[] ids) => Selector.Select(fx.Matrix, new SelectionOptions { Configs = [.. ids] });

    private Task<int> Run(Selection selection, PipelineOptions options, SilentObserver observer, CancellationToken cancellation = default) =>
        Pipeline.RunAsync(selection, options, () => fx.Engine, observer, cancellation);

    [Fact]
    public async Task AFailureIsOneResultAmongOthersAndARerunTakesThePassedOnesFromTheCache()
    {
        var options = fx.Options("three");
        var selection = Select("release-local", "debug-local-badtest", "debug-local-dim4");

        Assert.Equal(1, await Run(selection, options, new SilentObserver()));
        using (var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(options.Artifacts, "summary.json"))))
        {
            var statuses = summary.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()).ToList();
            Assert.Equal(["passed", "failed", "passed"], statuses);
        }
        var suites = XDocument.Load(Path.Combine(options.Artifacts, "junit.xml")).Root!.Elements("testsuite").Select(s => (string)s.Attribute("name")!);
        Assert.Equal(["release-local", "debug-local-badtest", "debug-local-dim4"], suites);
        Assert.Contains("Reproduce locally", File.ReadAllText(Path.Combine(options.Artifacts, "summary.md")));

        // Unchanged inputs: the two that passed are cached, the failed one runs again.
        var again = new SilentObserver();
        Assert.Equal(1, await Run(selection, options with { RunId = "it-three-again" }, again));
        Assert.Contains("release-local Cached", again.Lines);
        Assert.Contains("debug-local-dim4 Cached", again.Lines);
        Assert.Contains("debug-local-badtest Failed", again.Lines);
        Assert.DoesNotContain("release-local Build", again.Lines);

        // --force ignores the cache.
        var forced = new SilentObserver();
        await Run(Select("release-local"), options with { Force = true, RunId = "it-three-forced" }, forced);
        Assert.Contains("release-local Build", forced.Lines);
        Assert.Contains("release-local Passed", forced.Lines);
    }

    [Fact]
    public async Task AnInterruptedRunExits130LeavesNoContainerAndWritesWhatItKnows()
    {
        var options = fx.Options("interrupt") with { Jobs = 1 };
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var started = DateTime.UtcNow;
        var code = await Run(Select("debug-local-hangcfg", "release-local"), options, new SilentObserver(), cts.Token);
        Assert.Equal(130, code);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(25), "stopped within seconds");
        Assert.Empty(await fx.Leftovers(options.RunId));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(options.Artifacts, "summary.json")));
        Assert.True(summary.RootElement.GetProperty("interrupted").GetBoolean());
        Assert.Equal("cancelled", summary.RootElement.GetProperty("results")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task ContainersOfARunThatWasKilledAreRemovedByTheNextAndItSaysSo()
    {
        // A container labelled as if by a realm-ci process that died without cleaning up.
        using var dead = System.Diagnostics.Process.Start("true")!;
        dead.WaitForExit();
        var image = RealmCi.Images.BaseImageResolver.BootstrapTag(fx.Matrix.Definition.Bases["debian12"]); // made by the fixture
        var output = new List<string>();
        var code = await RealmCi.Processes.RunAsync("docker", ["create", "--label", $"{Labels.Run}=killed-run", "--label", $"{Labels.Pid}={dead.Id}",
            "--label", $"{Labels.Host}={Environment.MachineName}", image, "true"], null, l => output.Add(l.Text), CancellationToken.None);
        Assert.True(code == 0, string.Join("\n", output));

        var observer = new SilentObserver();
        var removed = await OrphanSweeper.SweepAsync(fx.Engine, observer.Log, CancellationToken.None);
        Assert.True(removed >= 1);
        Assert.Contains(observer.Lines, l => l.Contains("killed-run"));
        Assert.Empty(await fx.Engine.ContainersAsync(Labels.Run, "killed-run", CancellationToken.None));
    }
}
