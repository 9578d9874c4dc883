using System.Runtime.InteropServices;

namespace RealmCi.Execution;

/// <summary>Facts about the machine the pipeline runs on.</summary>
public static partial class HostFacts
{
    [LibraryImport("libc")]
    private static partial uint getuid();

    [LibraryImport("libc")]
    private static partial uint getgid();

    /// <summary>The invoking user as <c>uid:gid</c>, so containers create no files the user cannot remove.</summary>
    public static string User => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? $"{getuid()}:{getgid()}" : "0:0";

    /// <summary>Whether an NVIDIA GPU is present (the driver's device node exists).</summary>
    public static bool HasGpu => File.Exists("/dev/nvidia0") || Directory.Exists("/proc/driver/nvidia/gpus") && Directory.EnumerateDirectories("/proc/driver/nvidia/gpus").Any();

    public static int Cores => Environment.ProcessorCount;

    /// <summary>Memory available to this process (honours container limits).</summary>
    public static double MemoryGiB => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (double)(1L << 30);

    public static bool HasTool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => d.Length > 0 && File.Exists(Path.Combine(d, name)));
}
