using RealmCi.Layout;
using System.Text.Json;
using RealmCi.Containers;

namespace RealmCi.Housekeeping;

/// <summary>
/// Finds what realm-ci made: its images on the engine (tags under the repository prefix,
/// bootstrapped bases included), build trees under the artifacts folder, and under the cache
/// folder the result-cache entries, ccache and source clones. Nothing else is looked at.
/// </summary>
public static class DiskInventory
{
    public static async Task<List<DiskItem>> ImagesAsync(IImageCleaner engine, string prefix, IReadOnlyDictionary<string, DateTimeOffset> lastNamed, CancellationToken cancellation)
    {
        var items = new List<DiskItem>();
        foreach (var image in await engine.ListImagesAsync(prefix, cancellation))
            foreach (var tag in image.Tags)
            {
                var used = lastNamed.TryGetValue(tag, out var named) && named > image.Created ? named : image.Created;
                items.Add(new DiskItem(DiskKind.Image, tag, image.Bytes, used, tag));
            }
        return items;
    }

    /// <summary>Each configuration's build/ and install/ trees (its logs and results are small and kept).</summary>
    public static List<DiskItem> BuildTrees(string artifacts)
    {
        var items = new List<DiskItem>();
        if (!Directory.Exists(artifacts)) return items;
        foreach (var folder in Directory.EnumerateDirectories(artifacts).Order(StringComparer.Ordinal))
        {
            var trees = new[] { new ConfigurationFolder(folder).BuildTree, new ConfigurationFolder(folder).InstallTree }.Where(Directory.Exists).ToList();
            if (trees.Count == 0) continue;
            var result = new ConfigurationFolder(folder).Result;
            var used = File.Exists(result) ? File.GetLastWriteTimeUtc(result) : Directory.GetLastWriteTimeUtc(folder);
            items.Add(new DiskItem(DiskKind.BuildTree, Path.GetFileName(folder), trees.Sum(Sizes.Of), Utc(used), folder));
        }
        return items;
    }

    public static List<DiskItem> CacheFolder(string cache)
    {
        var items = new List<DiskItem>();
        var layout = new CacheLayout(cache);
        var results = layout.Results;
        if (Directory.Exists(results))
            foreach (var entry in Directory.EnumerateFileSystemEntries(results).Order(StringComparer.Ordinal))
                items.Add(new DiskItem(DiskKind.CacheEntry, EntryName(entry), Sizes.Of(entry), Utc(Sizes.Newest(entry)), entry));
        foreach (var (name, folder) in layout.WholeFolders.Where(f => Directory.Exists(f.Path)))
            items.Add(new DiskItem(KindOf(name), name, Sizes.Of(folder), Utc(Sizes.Newest(folder)), folder));
        return items;
    }

    private static DiskKind KindOf(string folder) => folder switch
    {
        "ccache" => DiskKind.Ccache,
        "realm-src" or "downstreams" => DiskKind.SourceClone,
        _ => DiskKind.CacheFolder, // declared source archives, warning baselines
    };

    /// <summary>Image tag → when a result under the artifacts folder last named it (result.json's "image").</summary>
    public static Dictionary<string, DateTimeOffset> ImagesNamedByResults(string artifacts)
    {
        var named = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (!Directory.Exists(artifacts)) return named;
        foreach (var result in Directory.EnumerateFiles(artifacts, ConfigurationFolder.ResultName, new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 1 }))
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(result));
                if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("image", out var image) || image.GetString() is not { } tag) continue;
                var when = Utc(File.GetLastWriteTimeUtc(result));
                if (!named.TryGetValue(tag, out var seen) || when > seen) named[tag] = when;
            }
            catch (Exception e) when (e is JsonException or IOException or InvalidOperationException) { }
        }
        return named;
    }

    /// <summary>"ID (KEY…)" when the entry names its configuration, else its key.</summary>
    private static string EntryName(string entry)
    {
        var key = Path.GetFileNameWithoutExtension(entry);
        var json = File.Exists(entry) ? entry : new ConfigurationFolder(entry).Result;
        try
        {
            if (!File.Exists(json)) return key;
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            foreach (var name in new[] { "Id", "id" })
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var id) && id.ValueKind == JsonValueKind.String)
                    return $"{id.GetString()} ({key[..Math.Min(12, key.Length)]})";
        }
        catch (Exception e) when (e is JsonException or IOException) { }
        return key;
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
