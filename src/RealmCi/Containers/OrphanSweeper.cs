using System.Diagnostics;
using System.Globalization;

namespace RealmCi.Containers;

/// <summary>
/// Removes containers left behind by runs that were killed hard (SIGKILL, a crash, a lost
/// machine): those labelled by realm-ci on this host whose process is gone. Containers of
/// running realm-ci processes, and of other hosts sharing the engine, are left alone.
/// </summary>
public static class OrphanSweeper
{
    public static async Task<int> SweepAsync(IContainerEngine engine, Action<string> log, CancellationToken cancellation)
    {
        var containers = await engine.ContainersAsync(Labels.Run, null, cancellation);
        var orphans = containers.Where(c => IsOrphan(c.Labels)).ToList();
        foreach (var orphan in orphans) await engine.RemoveAsync(orphan.Id, cancellation);
        if (orphans.Count > 0)
        {
            var runs = orphans.Select(o => o.Labels[Labels.Run]).Distinct().Order();
            log($"removed {orphans.Count} container(s) left by earlier runs that did not end cleanly (run {string.Join(", ", runs)})");
        }
        return orphans.Count;
    }

    internal static bool IsOrphan(IReadOnlyDictionary<string, string> labels) =>
        labels.TryGetValue(Labels.Host, out var host) && host == Environment.MachineName
        && labels.TryGetValue(Labels.Pid, out var text)
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
        && pid != Environment.ProcessId && !IsAlive(pid);

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
    }
}
