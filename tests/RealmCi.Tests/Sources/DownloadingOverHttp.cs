using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using RealmCi.Errors;
using RealmCi.Matrix;
using RealmCi.Sources;

namespace RealmCi.Tests.Sources;

/// <summary>The real HttpClient downloader against a server on the loopback interface (no traffic leaves the machine).</summary>
public class DownloadingOverHttp : InTempFolder
{
    private static readonly byte[] Archive = [.. Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7))];

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    /// <summary>Serves the archive at /ok.tar.gz, 404 elsewhere, until disposed.</summary>
    private sealed class Server : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly Task loop;

        public Server()
        {
            Prefix = $"http://127.0.0.1:{FreePort()}/";
            listener.Prefixes.Add(Prefix);
            listener.Start();
            loop = Task.Run(async () =>
            {
                while (listener.IsListening)
                {
                    HttpListenerContext context;
                    try { context = await listener.GetContextAsync(); }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                    if (context.Request.Url!.AbsolutePath == "/ok.tar.gz") await context.Response.OutputStream.WriteAsync(Archive);
                    else context.Response.StatusCode = 404;
                    context.Response.Close();
                }
            });
        }

        public string Prefix { get; }

        public void Dispose()
        {
            // Close alone: after Stop, Close removes the prefixes a second time, and the managed listener then binds the
            // port anew to do it — "Address already in use" when the port is still held (failed once in CI's unit run).
            listener.Close();
            loop.Wait(TimeSpan.FromSeconds(5));
        }
    }

    private DeclaredSource Source(string url) =>
        new("fixture", new Uri(url), Convert.ToHexStringLower(SHA256.HashData(Archive)), "fixture-1.0.tar.gz", new SourceSpan("m.yaml", 3, 3));

    [Fact]
    public async Task ADeclaredSourceIsFetchedIntoTheCacheAndVerified()
    {
        using var server = new Server();
        var cache = new SourceCache(Path.Combine(dir, "cache"), null, true, new HttpSourceDownloader());
        var path = await cache.ResolveAsync(Source(server.Prefix + "ok.tar.gz"), CancellationToken.None);
        Assert.Equal(Archive, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task AnHttpErrorIsAnExternalSystemErrorNamingTheUrl()
    {
        using var server = new Server();
        var cache = new SourceCache(Path.Combine(dir, "cache"), null, true, new HttpSourceDownloader());
        var e = await Assert.ThrowsAsync<RealmCiException>(() => cache.ResolveAsync(Source(server.Prefix + "gone.tar.gz"), CancellationToken.None));
        Assert.Equal(ExitCodes.Unavailable, e.ExitCode);
        Assert.Contains($"downloading {server.Prefix}gone.tar.gz failed", e.Message);
        Assert.Contains("404", e.Message);
    }
}
