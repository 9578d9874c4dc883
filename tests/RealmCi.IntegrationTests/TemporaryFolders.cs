namespace RealmCi.IntegrationTests;

/// <summary>
/// Folders many tests of one run share (a front-door copy, a result cache), named with the test
/// process's id. The test host is ended without its exit handlers running, so each run removes
/// instead what runs whose process is gone left behind: /tmp does not fill up run after run.
/// </summary>
internal static class TemporaryFolders
{
    private static readonly HashSet<string> Swept = [];

    /// <summary>A new folder <c>/tmp/PREFIX-PID-…</c>, after removing the PREFIX folders of processes that no longer run.</summary>
    public static string ForThisRun(string prefix)
    {
        lock (Swept)
            if (Swept.Add(prefix)) Sweep(prefix);
        return Directory.CreateTempSubdirectory($"{prefix}-{Environment.ProcessId}-").FullName;
    }

    private static void Sweep(string prefix)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), prefix + "-*"))
        {
            var parts = Path.GetFileName(folder)[(prefix.Length + 1)..].Split('-');
            if (!int.TryParse(parts[0], out var pid) || pid == Environment.ProcessId || Directory.Exists($"/proc/{pid}")) continue;
            try { Directory.Delete(folder, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* another user's, or in use: leave it */ }
        }
    }
}
