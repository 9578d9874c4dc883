using RealmCi.Layout;
using RealmCi.Reporting;
using RealmCi.Results;

namespace RealmCi.Caching;

/// <summary>A cache entry: its key, its folder and the result it holds.</summary>
public sealed record CacheEntry(string Key, string Folder, ResultDocument Result);

/// <summary>
/// Remembers passed configurations by key, in <c>CACHE/results/KEY/</c>: what a result needs
/// (result.json, junit.xml, the logs, the Dockerfile, reproduce.sh; not the build tree), so a
/// hit can be written into a fresh artifacts folder — on a new CI runner that restored the cache,
/// reports stay complete. An entry counts only while its result.json says passed and carries
/// the same key.
/// </summary>
public sealed class ResultCache(string cache)
{
    /// <summary>The files of a configuration's folder an entry keeps.</summary>
    public static IReadOnlyList<string> Kept => ConfigurationFolder.Outputs;

    private string Root => new CacheLayout(cache).Results;

    public string FolderOf(string key) => Path.Combine(Root, key);

    public CacheEntry? Find(string key)
    {
        var folder = FolderOf(key);
        var result = ResultJson.Read(new ConfigurationFolder(folder).Result);
        return result is { Status: "passed" } && result.CacheKey == key ? new CacheEntry(key, folder, result) : null;
    }

    /// <summary>Keeps a passed result whose key is <paramref name="key"/>, copying its files from <paramref name="artifacts"/>; replaces an older entry at once.</summary>
    public void Remember(string key, ConfigurationResult result, string artifacts)
    {
        if (result.Status != ConfigurationStatus.Passed || result.CacheKey != key) return;
        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, $".tmp-{key}-{Environment.ProcessId}");
        if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        Directory.CreateDirectory(temp);
        foreach (var name in Kept)
        {
            var from = Path.Combine(artifacts, name);
            if (File.Exists(from)) File.Copy(from, Path.Combine(temp, name));
        }
        var target = FolderOf(key);
        var old = target + $".old-{Environment.ProcessId}";
        if (Directory.Exists(target)) Directory.Move(target, old);
        Directory.Move(temp, target);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
    }

    /// <summary>Writes an entry's files (all but result.json, which the caller rewrites as cached) into <paramref name="artifacts"/>.</summary>
    public static IReadOnlyList<string> Restore(CacheEntry entry, string artifacts)
    {
        Directory.CreateDirectory(artifacts);
        var copied = new List<string>();
        foreach (var name in Kept.Where(n => n != ConfigurationFolder.ResultName))
        {
            var from = Path.Combine(entry.Folder, name);
            if (!File.Exists(from)) continue;
            File.Copy(from, Path.Combine(artifacts, name), overwrite: true);
            copied.Add(name);
        }
        return copied;
    }
}
