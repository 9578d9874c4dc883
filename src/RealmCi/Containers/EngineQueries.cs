using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace RealmCi.Containers;

/// <summary>
/// The engine's two read-only questions that a listing asks — its version and whether it holds an
/// image — answered with the framework's HttpClient and JsonDocument, reading only the fields
/// realm-ci uses. Docker.DotNet deserializes whole responses with reflection-based System.Text.Json:
/// on a warm start of the matrix table that was ~750 more JIT-compiled methods (1,637 against 886) and ~120–170 ms of CPU
/// (benchmarks/startup.sh; README "Where the front door's time goes"). Everything else — pulls,
/// builds, containers — stays on Docker.DotNet (<see cref="DockerEngine"/>).
/// </summary>
internal sealed class EngineQueries : IDisposable
{
    private readonly HttpClient http;

    /// <summary>unix:///path/docker.sock or tcp://host:port (plain HTTP, as <see cref="DockerEngine"/> speaks it).</summary>
    public EngineQueries(Uri endpoint)
    {
        if (endpoint.Scheme == "unix")
        {
            var path = endpoint.LocalPath;
            http = new HttpClient(new SocketsHttpHandler
            {
                ConnectCallback = (_, _) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    try
                    {
                        socket.Connect(new UnixDomainSocketEndPoint(path)); // a local socket: connects at once
                        return ValueTask.FromResult<Stream>(new NetworkStream(socket, ownsSocket: true));
                    }
                    catch { socket.Dispose(); throw; }
                },
            }) { BaseAddress = new Uri("http://docker/") };
        }
        else
        {
            var builder = new UriBuilder(endpoint) { Scheme = "http" };
            http = new HttpClient { BaseAddress = builder.Uri };
        }
    }

    /// <summary>GET /version: (Version, ApiVersion).</summary>
    public Task<(string Version, string ApiVersion)> VersionAsync(CancellationToken cancellation)
    {
        using var document = Get("version", cancellation) ?? throw new HttpRequestException("the engine answered 404 to GET /version");
        return Task.FromResult((Text(document.RootElement, "Version"), Text(document.RootElement, "ApiVersion")));
    }

    /// <summary>GET /images/REF/json: the image's Id, or null when the engine answers 404 (no such image).</summary>
    public Task<string?> ImageIdAsync(string reference, CancellationToken cancellation)
    {
        // A reference keeps its slashes (the engine's route takes the whole name), as Docker.DotNet sends it.
        using var document = Get($"images/{reference}/json", cancellation);
        return Task.FromResult(document is null ? null : Text(document.RootElement, "Id"));
    }

    public void Dispose() => http.Dispose();

    /// <summary>The parsed body of a 2xx answer; null for 404; any other status throws <see cref="EngineAnswerException"/> with the engine's message.</summary>
    private JsonDocument? Get(string path, CancellationToken cancellation)
    {
        using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, path), HttpCompletionOption.ResponseContentRead, cancellation);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        using var body = response.Content.ReadAsStream(cancellation);
        if (!response.IsSuccessStatusCode)
        {
            var message = new StreamReader(body).ReadToEnd();
            try { using var error = JsonDocument.Parse(message); message = Text(error.RootElement, "message"); }
            catch (JsonException) { /* not JSON: the text as it came */ }
            throw new EngineAnswerException(response.StatusCode, $"GET /{path}: {(int)response.StatusCode} {message.Trim()}");
        }
        return JsonDocument.Parse(body);
    }

    private static string Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()! : "";
}

/// <summary>The engine answered a query with an error status (not 404).</summary>
internal sealed class EngineAnswerException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}
