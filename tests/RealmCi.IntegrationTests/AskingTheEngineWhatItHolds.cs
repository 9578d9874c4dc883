using System.Net;
using System.Net.Sockets;
using RealmCi.Containers;

namespace RealmCi.IntegrationTests;

/// <summary>
/// The engine's version and image lookups (EngineQueries, the listing's fast path beside
/// Docker.DotNet) against the real engine, checked against what the docker CLI says — over the
/// unix socket, and over tcp:// through a loopback relay to the same socket.
/// </summary>
[Collection("engine")]
public class AskingTheEngineWhatItHolds(EngineFixture fx)
{
    private static async Task<string> Cli(params string[] args)
    {
        var (code, output) = await HostCommand.RunAsync("docker", args);
        Assert.True(code == 0, $"docker {string.Join(' ', args)}: exit {code}: {output}");
        return output.Trim();
    }

    [Fact]
    public async Task TheVersionIsTheOneTheCliReports()
    {
        using var engine = new DockerEngine(fx.Engine.Endpoint);
        var info = await engine.PingAsync(CancellationToken.None);
        Assert.Equal(await Cli("version", "--format", "{{.Server.Version}}"), info.Version);
        Assert.Equal(await Cli("version", "--format", "{{.Server.APIVersion}}"), info.ApiVersion);
    }

    [Fact]
    public async Task AnImageItHoldsHasTheCliSIdAndOneItLacksIsNull()
    {
        // A reference with a slash (the engine's route takes the whole name) and a tag, as realm-ci's own are.
        var reference = (await Cli("images", "--format", "{{.Repository}}:{{.Tag}}")).Split('\n')
            .First(r => r.Contains('/') && !r.Contains("<none>"));
        Assert.Equal(await Cli("image", "inspect", "--format", "{{.Id}}", reference), await fx.Engine.ImageIdAsync(reference, CancellationToken.None));
        Assert.Null(await fx.Engine.ImageIdAsync($"realm-ci-never/{Guid.NewGuid():N}:none", CancellationToken.None));
    }

    [Fact]
    public async Task AnErrorAnswerCarriesTheEngineSMessage()
    {
        using var queries = new EngineQueries(new Uri(fx.Engine.Endpoint));
        var e = await Assert.ThrowsAsync<EngineAnswerException>(() => queries.ImageIdAsync("Not A Reference!", CancellationToken.None));
        Assert.Equal(HttpStatusCode.BadRequest, e.Status);
        Assert.Contains("invalid reference format", e.Message);
    }

    [Fact]
    public async Task OverTcpTheAnswersAreTheSame()
    {
        // The suite runs against an engine on a unix socket (machine.md); the relay puts it behind tcp://.
        var endpoint = new Uri(fx.Engine.Endpoint);
        Assert.True(endpoint.Scheme == "unix", $"this test relays a unix-socket engine to tcp://, and the engine is at {endpoint}");
        var socketPath = endpoint.LocalPath;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = new CancellationTokenSource();
        var relay = Relay(listener, socketPath, stop.Token);
        try
        {
            using var overTcp = new DockerEngine($"tcp://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
            Assert.Equal((await fx.Engine.PingAsync(CancellationToken.None)).Version, (await overTcp.PingAsync(CancellationToken.None)).Version);
            Assert.Null(await overTcp.ImageIdAsync($"realm-ci-never/{Guid.NewGuid():N}:none", CancellationToken.None));
        }
        finally
        {
            stop.Cancel();
            listener.Stop();
            await relay;
        }
    }

    /// <summary>Accepts loopback connections and pipes each, both ways, to the engine's unix socket.</summary>
    private static async Task Relay(TcpListener listener, string socketPath, CancellationToken stop)
    {
        var pipes = new List<Task>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop);
                var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await engine.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), stop);
                var a = client.GetStream();
                var b = new NetworkStream(engine, ownsSocket: true);
                pipes.Add(Task.WhenAny(a.CopyToAsync(b, stop), b.CopyToAsync(a, stop)).ContinueWith(_ => { a.Dispose(); b.Dispose(); client.Dispose(); }));
            }
        }
        catch (OperationCanceledException) { }
        catch (SocketException) { }
        catch (ObjectDisposedException) { }
        await Task.WhenAll(pipes);
    }
}
