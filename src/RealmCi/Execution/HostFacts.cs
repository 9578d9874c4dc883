using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace RealmCi.Execution;

/// <summary>
/// Facts about the machine a run is on, gathered once by the front end's host layer
/// (<c>build/Host/HostProbe.cs</c>) and passed down as a value: nothing below the front end
/// reads the environment or probes devices. <see cref="Neutral"/> is a host with nothing on it,
/// for tests and library callers that set what they need with <c>with</c>.
/// </summary>
public sealed partial record HostFacts
{
    public static readonly HostFacts Neutral = new();

    /// <summary>The environment variables the run was started with.</summary>
    public ImmutableSortedDictionary<string, string> Environment { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>The GPU vendors present (<c>nvidia</c>, <c>amd</c>).</summary>
    public ImmutableHashSet<string> GpuVendors { get; init; } = [];

    /// <summary>The invoking user as <c>uid:gid</c>, so containers create no files the user cannot remove.</summary>
    public string User { get; init; } = "0:0";

    public int Cores { get; init; } = 2;

    /// <summary>Memory available to this process (honours container limits).</summary>
    public double MemoryGiB { get; init; } = 8;

    /// <summary>Where the Docker engine is expected (DOCKER_HOST, else the default socket).</summary>
    public string EngineEndpoint { get; init; } = "unix:///var/run/docker.sock";

    /// <summary>When the run started (names the run's containers, with the process id).</summary>
    public DateTimeOffset Started { get; init; } = DateTimeOffset.UnixEpoch;

    public int ProcessId { get; init; }

    /// <summary>Whether standard output is a terminal (a live view) rather than a pipe, file or CI log.</summary>
    public bool Interactive { get; init; }

    public bool HasGpu => !GpuVendors.IsEmpty;

    public string? Variable(string name) => Environment.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>Whether a program of this name is on the run's PATH.</summary>
    public bool HasTool(string name) =>
        (Variable("PATH") ?? "").Split(Path.PathSeparator).Any(d => d.Length > 0 && File.Exists(Path.Combine(d, name)));

    /// <summary>Labels every container of the run: its start time and process.</summary>
    public string RunId => $"{Started.UtcDateTime:yyyyMMddHHmmss}-{ProcessId}";

    [LibraryImport("libc")]
    private static partial uint getuid();

    [LibraryImport("libc")]
    private static partial uint getgid();

    /// <summary>This process's <c>uid:gid</c> (the host layer asks once).</summary>
    public static string CurrentUser() => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? $"{getuid()}:{getgid()}" : "0:0";
}
