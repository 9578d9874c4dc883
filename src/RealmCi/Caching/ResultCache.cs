using System.Text.Json;
using RealmCi.Execution;
using RealmCi.Reporting;

namespace RealmCi.Caching;

/// <summary>What the cache remembers of a passed configuration.</summary>
public sealed record CacheEntry(string Id, string Key, string Artifacts, DateTimeOffset Finished, double Seconds, TestCounts Tests, string? Image);

/// <summary>
/// Remembers passed configurations by key, in <c>CACHE/results/KEY.json</c>. An entry counts
/// only while the artifacts it points to still hold a passed result.json.
/// </summary>
public sealed class ResultCache(string folder)
{
    private string PathOf(string key) => System.IO.Path.Combine(folder, "results", key + ".json");

    public CacheEntry? Find(string key)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) return null;
        try
        {
            var entry = JsonSerializer.Deserialize<CacheEntry>(File.ReadAllText(path));
            var result = entry is null ? null : System.IO.Path.Combine(entry.Artifacts, "result.json");
            if (result is null || !File.Exists(result)) return null;
            using var doc = JsonDocument.Parse(File.ReadAllText(result));
            return doc.RootElement.GetProperty("status").GetString() == "passed" ? entry : null;
        }
        catch (Exception e) when (e is JsonException or IOException or KeyNotFoundException) { return null; }
    }

    public void Remember(string key, ConfigurationResult result)
    {
        if (result.Status != ConfigurationStatus.Passed) return;
        Directory.CreateDirectory(System.IO.Path.Combine(folder, "results"));
        var entry = new CacheEntry(result.Id, key, result.Artifacts, DateTimeOffset.UtcNow, result.Seconds, result.Counts, result.Image);
        AtomicFile.WriteText(PathOf(key), JsonSerializer.Serialize(entry));
    }
}
