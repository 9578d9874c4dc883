using RealmCi.Results;
using RealmCi.Containers;
using RealmCi.Errors;
using RealmCi.Execution;

namespace RealmCi.IntegrationTests;

[Collection("engine")] // DockerHostIsHonoured changes DOCKER_HOST for the whole process: no engine test may run meanwhile
public class AnUnreachableEngine
{
    [Theory]
    [InlineData("unix:///tmp/realm-ci-no-engine.sock")]
    [InlineData("tcp://127.0.0.1:1")]
    public async Task GivesOneClearLineNamingWhereItLookedAndTheAlternatives(string endpoint)
    {
        using var engine = new DockerEngine(endpoint);
        var e = await Assert.ThrowsAsync<EngineUnavailableException>(() => engine.PingAsync(CancellationToken.None));
        Assert.Equal(ExitCodes.Unavailable, e.ExitCode);
        Assert.Contains(endpoint, e.Message);
        Assert.Contains("DOCKER_HOST", e.Message);
        Assert.Contains("--executor=host", e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    [Fact]
    public async Task AutoFallsBackToTheHostAndSaysSo()
    {
        var said = new List<string>();
        var engine = await Pipeline.ChooseEngineAsync(ExecutorKind.Auto, () => new DockerEngine("unix:///tmp/realm-ci-no-engine.sock"), said.Add, CancellationToken.None);
        Assert.Null(engine);
        Assert.Contains(said, s => s.Contains("falling back to the host executor"));
    }

    [Fact]
    public async Task DockerExecutorRequiredFailsInsteadOfFallingBack() =>
        await Assert.ThrowsAsync<EngineUnavailableException>(() =>
            Pipeline.ChooseEngineAsync(ExecutorKind.Docker, () => new DockerEngine("unix:///tmp/realm-ci-no-engine.sock"), _ => { }, CancellationToken.None));
}
