using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using RealmCi.Layout;

namespace RealmCi.Flakiness;

/// <summary>
/// The flakiness histories in the cache (<c>CACHE/history/ID.json</c>, one file per
/// configuration; see <see cref="CacheLayout.History"/>). An update reads, changes and writes
/// a file under an OS lock on <c>ID.lock</c> (two runs of one configuration on one cache wait for
/// each other) and replaces it atomically. A file that cannot be read counts as no history.
/// </summary>
public sealed class HistoryStore(string cache)
{
    public string Folder => new CacheLayout(cache).History;

    public string PathOf(string configuration) => Path.Combine(Folder, configuration + ".json");

    public ConfigurationHistory Read(string configuration)
    {
        try
        {
            var file = JsonSerializer.Deserialize(File.ReadAllText(PathOf(configuration)), HistoryJsonContext.Files.HistoryFile);
            return file is null ? ConfigurationHistory.Empty(configuration) : new(configuration, [.. file.Runs],
                file.Tests.ToImmutableSortedDictionary(StringComparer.Ordinal));
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException) { return ConfigurationHistory.Empty(configuration); }
    }

    /// <summary>Every configuration with a history here, by Id.</summary>
    public IReadOnlyList<ConfigurationHistory> All() => !Directory.Exists(Folder) ? []
        : [.. Directory.EnumerateFiles(Folder, "*.json").Select(f => Read(Path.GetFileNameWithoutExtension(f))).Where(h => h.Runs.Length > 0).OrderBy(h => h.Configuration, StringComparer.Ordinal)];

    public ConfigurationHistory Update(string configuration, Func<ConfigurationHistory, ConfigurationHistory> change)
    {
        Directory.CreateDirectory(Folder);
        using var held = Lock(Path.Combine(Folder, configuration + ".lock"));
        var updated = change(Read(configuration));
        var file = new HistoryFile(configuration, [.. updated.Runs], updated.Tests);
        Reporting.AtomicFile.Write(PathOf(configuration), s => JsonSerializer.Serialize(s, file, HistoryJsonContext.Files.HistoryFile));
        return updated;
    }

    private static FileStream Lock(string path)
    {
        for (var waited = 0; ; waited += 100)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (waited < 60_000) { Thread.Sleep(100); } // another run of this configuration is writing
        }
    }
}

/// <summary>The file: the configuration, its remembered runs, and each test's letters (see <see cref="ConfigurationHistory"/>).</summary>
internal sealed record HistoryFile(string Configuration, IReadOnlyList<HistoryRun> Runs, IReadOnlyDictionary<string, string> Tests);

[JsonSerializable(typeof(HistoryFile))]
internal sealed partial class HistoryJsonContext : JsonSerializerContext
{
    public static HistoryJsonContext Files { get; } = new(JsonFiles.Options());
}
