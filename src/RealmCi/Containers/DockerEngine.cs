using System.Formats.Tar;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace RealmCi.Containers;

/// <summary>
/// <see cref="IContainerEngine"/> on the Docker Engine API (Docker.DotNet.Enhanced). The only
/// file that touches Docker.DotNet. Requests are unversioned (the client does not negotiate,
/// and engines from API 1.41 up must work); every streaming call gets a cancellation token.
/// Honours DOCKER_HOST (unix:// and tcp://).
/// </summary>
public sealed class DockerEngine : IContainerEngine, IImageCleaner, IDisposable
{
    private readonly Lazy<DockerClient> docker;
    private readonly EngineQueries queries;

    private EngineInfo? answered;

    /// <summary>A client of the engine at <paramref name="endpoint"/> (the host facts' DOCKER_HOST, else the default socket).</summary>
    public DockerEngine(string endpoint)
    {
        Endpoint = endpoint;
        // The version and image lookups (all a listing asks) go through EngineQueries; Docker.DotNet is
        // built on the first call that needs it (pull, import, build, containers).
        queries = new EngineQueries(new Uri(endpoint));
        docker = new Lazy<DockerClient>(() => new DockerClientBuilder().WithEndpoint(new Uri(Endpoint)).Build());
    }

    private DockerClient Client => docker.Value;

    public string Endpoint { get; }

    /// <summary>Asks the engine once per client: a second ping in the same run returns the first answer.</summary>
    public async Task<EngineInfo> PingAsync(CancellationToken cancellation)
    {
        if (answered is not null) return answered;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var (version, api) = await queries.VersionAsync(timeout.Token);
            return answered = new EngineInfo(Endpoint, version, api);
        }
        catch (Exception e) when (IsTransport(e) || e is TimeoutException or EngineAnswerException or JsonException
                                  || (e is OperationCanceledException && !cancellation.IsCancellationRequested))
        {
            throw new EngineUnavailableException(Endpoint, Reason(e), e);
        }
    }

    public async Task<string?> ImageIdAsync(string reference, CancellationToken cancellation)
    {
        return await Call(() => queries.ImageIdAsync(reference, cancellation)); // null: 404, the engine does not have it
    }

    public Task PullAsync(string reference, Action<string> log, CancellationToken cancellation)
    {
        var (image, tag) = SplitReference(reference);
        return Call(() => Client.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = image, Tag = tag }, null,
            new Progress(m => Report(m, log)), cancellation));
    }

    public Task ImportAsync(Stream rootfs, string reference, CancellationToken cancellation)
    {
        var (image, tag) = SplitReference(reference);
        return Call(() => Client.Images.CreateImageAsync(new ImagesCreateParameters { FromSrc = "-", Repo = image, Tag = tag }, rootfs, null,
            new Progress(_ => { }), cancellation));
    }

    public async Task BuildAsync(string dockerfile, IReadOnlyDictionary<string, string> files, string tag, IReadOnlyDictionary<string, string> labels,
        Action<string> log, CancellationToken cancellation)
    {
        using var context = new MemoryStream();
        using (var tar = new TarWriter(context, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "Dockerfile") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(dockerfile)) };
            tar.WriteEntry(entry);
            foreach (var (inContext, onHost) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
                await tar.WriteEntryAsync(onHost, inContext, cancellation);
        }
        context.Position = 0;
        string? error = null;
        await Call(() => Client.Images.BuildImageFromDockerfileAsync(
            new ImageBuildParameters
            {
                Tags = [tag],
                Labels = labels.ToDictionary(),
                NetworkMode = "host",
                Remove = true,
                ForceRemove = true,
            },
            context, null, new Dictionary<string, string>(),
            new Progress(m => { if (m.Error is not null) error = m.Error.Message; Report(m, log); }), cancellation));
        if (error is not null) throw new ImageBuildException(tag, error);
    }

    public async Task<long> RunAsync(ContainerSpec spec, Action<OutputLine> output, CancellationToken cancellation)
    {
        var hostConfig = new HostConfig
        {
            NetworkMode = "none",
            Binds = spec.Mounts.Select(m => $"{m.Source}:{m.Target}:{(m.ReadOnly ? "ro" : "rw")}").ToList(),
            ShmSize = ParseSize(spec.ShmSize),
            Init = true,
        };
        if (spec.RequestGpus)
            hostConfig.DeviceRequests = [new DeviceRequest { Driver = "nvidia", Count = -1, Capabilities = [["gpu"]] }];

        var created = await Call(() => Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = spec.Image,
            Cmd = [.. spec.Command],
            Env = spec.Env.Select(kv => $"{kv.Key}={kv.Value}").ToList(),
            User = spec.User,
            WorkingDir = spec.WorkingDir,
            Labels = spec.Labels.ToDictionary(),
            AttachStdout = true,
            AttachStderr = true,
            NetworkDisabled = true,
            HostConfig = hostConfig,
        }, CancellationToken.None));

        try
        {
            // Attach before start, so no output is lost.
            using var stream = await Client.Containers.AttachContainerAsync(created.ID,
                new ContainerAttachParameters { Stream = true, Stdout = true, Stderr = true }, cancellation);
            await Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellation);
            await Pump(stream, output, cancellation);
            var wait = await Client.Containers.WaitContainerAsync(created.ID, cancellation);
            return wait.StatusCode;
        }
        finally
        {
            // Removed in every case: success, failure, timeout, Ctrl-C.
            try { await Client.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true }, CancellationToken.None); }
            catch (DockerContainerNotFoundException) { }
        }
    }

    public async Task<IReadOnlyList<ContainerInfo>> ContainersAsync(string key, string? value, CancellationToken cancellation)
    {
        var filter = value is null ? key : $"{key}={value}";
        var list = await Call(() => Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [filter] = true } },
        }, cancellation));
        return list.Select(c => new ContainerInfo(c.ID, (IReadOnlyDictionary<string, string>?)c.Labels?.AsReadOnly() ?? new Dictionary<string, string>())).ToList();
    }

    public async Task RemoveAsync(string id, CancellationToken cancellation)
    {
        try { await Call(() => Client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, cancellation)); }
        catch (DockerContainerNotFoundException) { }
    }

    public async Task<IReadOnlyList<ImageInfo>> ListImagesAsync(string repositoryPrefix, CancellationToken cancellation)
    {
        var list = await Call(() => Client.Images.ListImagesAsync(new ImagesListParameters { All = false }, cancellation));
        return list
            .Select(i => new ImageInfo(i.ID, (i.RepoTags ?? []).Where(t => t.StartsWith(repositoryPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList(),
                i.Size, new DateTimeOffset(DateTime.SpecifyKind(i.Created, DateTimeKind.Utc))))
            .Where(i => i.Tags.Count > 0)
            .ToList();
    }

    public async Task RemoveImageAsync(string reference, CancellationToken cancellation)
    {
        try { await Call(() => Client.Images.DeleteImageAsync(reference, new ImageDeleteParameters { Force = false }, cancellation)); }
        catch (DockerImageNotFoundException) { }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            throw new Errors.RealmCiException($"{reference} is in use: {e.ResponseBody?.Trim()}", Errors.ExitCodes.Failed, e);
        }
    }

    public void Dispose()
    {
        queries.Dispose();
        if (docker.IsValueCreated) docker.Value.Dispose();
    }

    private static async Task Pump(MultiplexedStream stream, Action<OutputLine> output, CancellationToken cancellation)
    {
        var buffer = new byte[64 * 1024];
        var pending = new[] { new StringBuilder(), new StringBuilder() };
        var decoders = new[] { Encoding.UTF8.GetDecoder(), Encoding.UTF8.GetDecoder() };
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellation);
            if (read.EOF) break;
            var error = read.Target == MultiplexedStream.TargetStream.StandardError ? 1 : 0;
            var n = decoders[error].GetChars(buffer, 0, read.Count, chars, 0);
            var line = pending[error];
            for (var i = 0; i < n; i++)
            {
                if (chars[i] == '\n') { output(new OutputLine(line.ToString().TrimEnd('\r'), error == 1)); line.Clear(); }
                else line.Append(chars[i]);
            }
        }
        for (var e = 0; e < 2; e++)
            if (pending[e].Length > 0) output(new OutputLine(pending[e].ToString(), e == 1));
    }

    /// <summary>Turns transport failures (the engine going away) into one clear error.</summary>
    private async Task<T> Call<T>(Func<Task<T>> call)
    {
        try { return await call(); }
        catch (Exception e) when (IsTransport(e))
        {
            throw new EngineUnavailableException(Endpoint, Reason(e), e);
        }
    }

    private async Task Call(Func<Task> call) => await Call(async () => { await call(); return true; });

    /// <summary>The connection failed (refused, reset, socket gone), possibly wrapped by the Client.</summary>
    private static bool IsTransport(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
            if (inner is HttpRequestException or SocketException or IOException && inner is not DockerApiException) return true;
        return e is AggregateException a && a.InnerExceptions.Any(IsTransport);
    }

    private static string Reason(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null) inner = inner.InnerException;
        return inner.Message.TrimEnd('.');
    }

    private static void Report(JSONMessage m, Action<string> log)
    {
        var text = m.Stream ?? m.Status ?? m.Error?.Message;
        if (string.IsNullOrWhiteSpace(text)) return;
        foreach (var line in text.TrimEnd('\n').Split('\n')) log(line.TrimEnd('\r'));
    }

    private static (string Image, string Tag) SplitReference(string reference)
    {
        var slash = reference.LastIndexOf('/');
        var colon = reference.LastIndexOf(':');
        return colon > slash ? (reference[..colon], reference[(colon + 1)..]) : (reference, "latest");
    }

    private static long ParseSize(string? size)
    {
        if (string.IsNullOrEmpty(size)) return 0;
        var unit = char.ToLowerInvariant(size[^1]);
        var factor = unit switch { 'k' => 1L << 10, 'm' => 1L << 20, 'g' => 1L << 30, _ => 1L };
        var digits = char.IsDigit(size[^1]) ? size : size[..^1];
        return long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) * factor;
    }

    private sealed class Progress(Action<JSONMessage> report) : IProgress<JSONMessage>
    {
        public void Report(JSONMessage value) => report(value);
    }
}
