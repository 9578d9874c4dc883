using System.Collections.Immutable;
using RealmCi.Execution;

namespace RealmCi.Build.Host;

/// <summary>
/// The host layer: the only code that reads the process environment and probes devices. It
/// gathers <see cref="HostFacts"/> once per run; everything below gets them as a value.
/// </summary>
public static class HostProbe
{
    /// <summary>The facts; <paramref name="present"/> answers whether a device path exists (tests pass their own: no device is probed).</summary>
    public static HostFacts Probe(IReadOnlyDictionary<string, string> environment, Func<string, bool>? present = null) => new()
    {
        Environment = environment.ToImmutableSortedDictionary(StringComparer.Ordinal),
        GpuVendors = [.. GpuVendors(present ?? Present)],
        User = HostFacts.CurrentUser(),
        Cores = System.Environment.ProcessorCount,
        MemoryGiB = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (double)(1L << 30),
        EngineEndpoint = environment.TryGetValue("DOCKER_HOST", out var host) && host.Length > 0 ? host : HostFacts.Neutral.EngineEndpoint,
        Started = DateTimeOffset.UtcNow,
        ProcessId = System.Environment.ProcessId,
        Interactive = !Console.IsOutputRedirected,
    };

    /// <summary>Every environment variable of this process.</summary>
    public static Dictionary<string, string> Variables()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            if (entry.Key is string key && entry.Value is string value) variables[key] = value;
        return variables;
    }

    /// <summary>NVIDIA: the driver's device or proc entries; AMD: ROCm's kernel driver device.</summary>
    private static IEnumerable<string> GpuVendors(Func<string, bool> present)
    {
        if (present("/dev/nvidia0") || present("/proc/driver/nvidia/gpus")) yield return "nvidia";
        if (present("/dev/kfd")) yield return "amd";
    }

    /// <summary>A device node, or a folder with something in it (the driver lists one entry per GPU).</summary>
    private static bool Present(string path) =>
        File.Exists(path) || Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any();
}
