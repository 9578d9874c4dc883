namespace RealmCi.Execution;

/// <summary>
/// A warning before a run when the artifacts disk is nearly full: every configuration keeps its
/// build tree there, and a full disk fails every configuration still to come (and the engine
/// beside it). Measured on Realm (2026-11-29): 2.5–4.4 GB per debug/sanitizer tree.
/// </summary>
public static class DiskSpace
{
    public const long LowBytes = 5L << 30;

    public static string? Warning(string artifacts, long low = LowBytes)
    {
        var free = Free(artifacts);
        return free is { } bytes && bytes < low
            ? $"warning: only {bytes / (double)(1L << 30):F1} GB free under {artifacts}: one Realm build tree takes 2.5–4.5 GB; free space (./build.sh --target=Clean) or choose another --artifacts"
            : null;
    }

    /// <summary>Free bytes on the disk holding <paramref name="path"/> (or its nearest existing parent); null when unknown.</summary>
    public static long? Free(string path)
    {
        try
        {
            var dir = new DirectoryInfo(Path.GetFullPath(path));
            while (dir is { Exists: false }) dir = dir.Parent;
            return dir is null ? null : new DriveInfo(dir.FullName).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
