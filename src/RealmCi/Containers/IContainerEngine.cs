using System.Collections.Immutable;

namespace RealmCi.Containers;

/// <summary>A bind mount (host folder) or a named volume.</summary>
public sealed record Mount(string Source, string Target, bool ReadOnly = false, bool IsVolume = false);

/// <summary>Everything a step container is made of. Built from records, never from a shell string.</summary>
public sealed record ContainerSpec(
    string Image,
    ImmutableArray<string> Command,
    ImmutableSortedDictionary<string, string> Env,
    string User,
    string WorkingDir,
    ImmutableArray<Mount> Mounts,
    ImmutableSortedDictionary<string, string> Labels,
    string? ShmSize = null,
    bool RequestGpus = false);

/// <summary>One line of a process's output, and which stream it came from.</summary>
public readonly record struct OutputLine(string Text, bool IsError = false);

public sealed record EngineInfo(string Endpoint, string Version, string ApiVersion);

/// <summary>A container the engine knows, with its labels.</summary>
public sealed record ContainerInfo(string Id, IReadOnlyDictionary<string, string> Labels);

/// <summary>An image the engine holds: its id, the tags naming it (only those asked for), its size and when it was made.</summary>
public sealed record ImageInfo(string Id, IReadOnlyList<string> Tags, long Bytes, DateTimeOffset Created);

/// <summary>
/// The few engine calls the pipeline needs, by role: <see cref="IImageStore"/> (images a
/// configuration runs in), <see cref="IContainerRunner"/> (step containers), plus where the
/// engine is and whether it answers. <see cref="IImageCleaner"/> (the Clean target) is a role of
/// its own. <see cref="DockerEngine"/> is the only implementation that talks to Docker; everything
/// above uses these interfaces, and a fake implements only the roles its test needs.
/// </summary>
public interface IContainerEngine : IImageStore, IContainerRunner
{
    /// <summary>Where the engine is expected (e.g. unix:///var/run/docker.sock).</summary>
    string Endpoint { get; }

    /// <summary>The engine's version; throws <see cref="EngineUnavailableException"/> when it does not answer.</summary>
    Task<EngineInfo> PingAsync(CancellationToken cancellation);
}

/// <summary>Images: look one up, pull, import a root file system, build a Dockerfile.</summary>
public interface IImageStore
{
    /// <summary>The image's id, or null when the engine does not have it.</summary>
    Task<string?> ImageIdAsync(string reference, CancellationToken cancellation);

    Task PullAsync(string reference, Action<string> log, CancellationToken cancellation);

    /// <summary>Imports a root file system (a tar stream) as an image.</summary>
    Task ImportAsync(Stream rootfs, string reference, CancellationToken cancellation);

    /// <summary>
    /// Builds a Dockerfile (with the host network: package installs need it) whose context also
    /// holds <paramref name="files"/> (path in the context → file on the host, e.g. declared source
    /// archives the recipe copies in; often none), and tags it.
    /// </summary>
    Task BuildAsync(string dockerfile, IReadOnlyDictionary<string, string> files, string tag, IReadOnlyDictionary<string, string> labels,
        Action<string> log, CancellationToken cancellation);
}

/// <summary>Step containers: run one to the end, find them by label, remove one.</summary>
public interface IContainerRunner
{
    /// <summary>
    /// Creates, attaches to, starts and waits for a container, streaming its output; returns its
    /// exit code. The container is removed in every case; on cancellation it is killed first.
    /// </summary>
    Task<long> RunAsync(ContainerSpec spec, Action<OutputLine> output, CancellationToken cancellation);

    /// <summary>Containers (running or not) carrying the label <c>key=value</c>, or the key with any value.</summary>
    Task<IReadOnlyList<ContainerInfo>> ContainersAsync(string key, string? value, CancellationToken cancellation);

    /// <summary>Removes a container, forcibly.</summary>
    Task RemoveAsync(string id, CancellationToken cancellation);
}

/// <summary>Housekeeping (the Clean target): realm-ci's images and removing them.</summary>
public interface IImageCleaner
{
    /// <summary>Images with a tag whose repository starts with <paramref name="repositoryPrefix"/> (e.g. <c>realm-ci/</c>); other tags are left out.</summary>
    Task<IReadOnlyList<ImageInfo>> ListImagesAsync(string repositoryPrefix, CancellationToken cancellation);

    /// <summary>Removes one tag (never forced): the image goes when no other tag names it; an image in use is refused by the engine.</summary>
    Task RemoveImageAsync(string reference, CancellationToken cancellation);
}
