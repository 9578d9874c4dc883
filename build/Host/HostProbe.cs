using System.Collections.Immutable;
using RealmCi.Execution;

namespace RealmCi.Build.Host;

/// <summary>
/// The host layer: the only code that reads the process environment and probes devices. It
/// gathers <see cref="HostFacts"/> once per run; everything below gets them as a value.
/// </summary>
public static class HostProbe
{
    public static HostFacts Probe(IReadOnlyDictionary<string, string> environment) => new()
    {
        Environment = environment.ToImmutableSortedDictionary(StringComparer.Ordinal),
        GpuVendors = [.. GpuVendors()],
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
    private static IEnumerable<string> GpuVendors()
    {
        if (File.Exists("/dev/nvidia0") || Directory.Exists("/proc/driver/nvidia/gpus") && Directory.EnumerateDirectories("/proc/driver/nvidia/gpus").Any())
            yield return "nvidia";
        if (File.Exists("/dev/kfd")) yield return "amd";
    }
}
