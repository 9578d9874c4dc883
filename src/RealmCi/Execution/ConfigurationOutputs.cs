using RealmCi.Layout;
using RealmCi.Caching;
using RealmCi.Reporting;
using RealmCi.Results;

namespace RealmCi.Execution;

/// <summary>
/// The files of a configuration's folder: cleared before its first step (so no log of an
/// earlier run survives a failure), written at the end (result.json, reproduce.sh, into the
/// cache when it passed), or written from a cache entry on a hit.
/// </summary>
internal static class ConfigurationOutputs
{
    public static void Clear(string folder)
    {
        foreach (var file in ConfigurationFolder.Outputs) File.Delete(Path.Combine(folder, file));
    }

    public static void Write(string folder, ConfigurationResult result, StepPlan? plan, bool runTests, ResultCache? cache)
    {
        ResultJson.Write(new ConfigurationFolder(folder).Result, result);
        AtomicFile.WriteText(new ConfigurationFolder(folder).Reproduce, ReproduceScript.Text(plan, result, runTests));
        if (result.CacheKey is not { } key || cache is null) return;
        try { cache.Remember(key, result, folder); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // a cache that cannot be written costs a rebuild next time, never this result
    }

    /// <summary>A hit: the entry's logs, JUnit and Dockerfile into the folder, reproduce.sh from the current plan, result.json marked cached.</summary>
    public static void WriteCached(string folder, CacheEntry hit, ConfigurationResult result, StepPlan? plan, bool runTests)
    {
        ResultCache.Restore(hit, folder);
        ResultJson.Write(new ConfigurationFolder(folder).Result, result);
        AtomicFile.WriteText(new ConfigurationFolder(folder).Reproduce, ReproduceScript.Text(plan, result, runTests));
    }
}
