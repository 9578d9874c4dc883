using System.Text;

namespace RealmCi.IntegrationTests;

/// <summary>./build.sh as a developer or CI calls it: real process, real exit codes, real engine.</summary>
[Collection("engine")]
public class TheFrontDoor(EngineFixture fx)
{
    private static async Task<(int Code, string Output)> BuildSh(IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var output = new StringBuilder();
        var environment = new Dictionary<string, string>(env ?? new Dictionary<string, string>());
        environment.TryAdd("CAKE_REALMCI_CACHE", FrontDoorProcess.RunCache); // this run's cache, never the user's (see FrontDoorProcess)
        var code = await RealmCi.Processes.RunAsync(Path.Combine(EngineFixture.Root, "build.sh"), args, environment,
            line => { lock (output) output.AppendLine(line.Text); }, CancellationToken.None, EngineFixture.Root);
        return (code, output.ToString());
    }

    private string[] Fixture(string config, string artifacts) =>
    [
        "--target=Test", $"--matrix={Path.Combine(EngineFixture.FixtureSource, "matrix.yaml")}", $"--realm-source={EngineFixture.FixtureSource}",
        $"--config={config}", "--pull=never", $"--artifacts={Path.Combine(fx.Work, artifacts)}",
    ];

    [Fact]
    public async Task ACanaryForAnUnknownDownstreamExitsTwoWithOneLine()
    {
        var (code, output) = await BuildSh(null, [.. Fixture("debug-local", "door-canary").Select(a => a == "--target=Test" ? "--target=Canary" : a), "--downstream-source=mini-legoin=/tmp"]);
        Assert.Equal(2, code);
        var error = Assert.Single(output.Split('\n'), l => l.StartsWith("error:"));
        Assert.Contains("--downstream-source=mini-legoin=…: 'mini-legoin' is not a downstream of", error);
        Assert.Contains("did you mean 'mini-legion'?", error);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task APassingRunExitsZeroWithASummary()
    {
        var (code, output) = await BuildSh(null, Fixture("release-local", "door-pass"));
        Assert.True(code == 0, output);
        Assert.Contains("release-local: passed", output);
        Assert.Contains("1 of 1 configurations passed.", output);
    }

    [Fact]
    public async Task AFailingRunExitsOneShowsTheLogTailAndHowToReproduce()
    {
        var (code, output) = await BuildSh(null, Fixture("debug-local-badtest", "door-fail"));
        Assert.Equal(1, code);
        Assert.Contains("test failed: exit code", output);
        Assert.Contains("last lines of", output);
        Assert.Contains("Reproduce debug-local-badtest: ./build.sh --target=Test", output);
        // Exactly what ran: the matrix file, the executor, the pull policy and the artifacts folder.
        var reproduce = output.Split('\n').Single(l => l.StartsWith("Reproduce debug-local-badtest:", StringComparison.Ordinal));
        Assert.Contains($"--matrix={Path.Combine(EngineFixture.FixtureSource, "matrix.yaml")}", reproduce);
        Assert.Contains("--executor=docker", reproduce);
        Assert.Contains("--pull=never", reproduce);
        Assert.Contains($"--artifacts={Path.Combine(fx.Work, "door-fail")}", reproduce);
        Assert.Contains("test unit.broken", output);
    }

    [Fact]
    public async Task AnUnreachableEngineExitsThreeWithOneLine()
    {
        var env = new Dictionary<string, string> { ["DOCKER_HOST"] = "unix:///tmp/realm-ci-no-engine.sock" };
        var (code, output) = await BuildSh(env, [.. Fixture("release-local", "door-noengine"), "--executor=docker"]);
        Assert.Equal(3, code);
        var error = Assert.Single(output.Split('\n'), l => l.StartsWith("error:"));
        Assert.Contains("unix:///tmp/realm-ci-no-engine.sock", error);
        Assert.Contains("--executor=host", error);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task AMissingSourceFolderExitsTwo()
    {
        var (code, output) = await BuildSh(null, "--target=Test", "--realm-source=/tmp/realm-ci-no-such-source", "--pull=never");
        Assert.Equal(2, code);
        Assert.Contains("error: --realm-source=/tmp/realm-ci-no-such-source: no such folder", output);
    }

    [Fact]
    public async Task TheImagesTargetPreparesWithoutBuilding()
    {
        var (code, output) = await BuildSh(null, "--target=Images", $"--matrix={Path.Combine(EngineFixture.FixtureSource, "matrix.yaml")}", "--config=release-local", "--pull=never");
        Assert.True(code == 0, output);
        Assert.Matches(@"release-local: realm-ci/debian12:[0-9a-f]{16} \(up to date\)", output);
    }
}
