using RealmCi.Containers;
using RealmCi.Housekeeping;

namespace RealmCi.Tests.Housekeeping;

public sealed class ReclaimingDisk : InTempFolder
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The housekeeping role only: the Clean target needs nothing else of the engine.</summary>
    private sealed class ImageShelf : IImageCleaner
    {
        public List<ImageInfo> Images { get; } = [];
        public List<string> Removed { get; } = [];

        public Task<IReadOnlyList<ImageInfo>> ListImagesAsync(string prefix, CancellationToken c) =>
            Task.FromResult<IReadOnlyList<ImageInfo>>(Images
                .Select(i => i with { Tags = i.Tags.Where(t => t.StartsWith(prefix, StringComparison.Ordinal)).ToList() })
                .Where(i => i.Tags.Count > 0).ToList());

        public Task RemoveImageAsync(string reference, CancellationToken c)
        {
            Removed.Add(reference);
            return Task.CompletedTask;
        }
    }

    private string Artifacts => Path.Combine(dir, "artifacts");
    private string Cache => Path.Combine(dir, "cache");

    private string Make(string path, int bytes, DateTimeOffset written)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[bytes]);
        File.SetLastWriteTimeUtc(path, written.UtcDateTime);
        return path;
    }

    private (ImageShelf Engine, List<string> Output) Setup()
    {
        var engine = new ImageShelf();
        engine.Images.Add(new ImageInfo("sha256:old", ["realm-ci/debian12:aaaa"], 3L << 30, Now.AddDays(-40)));
        engine.Images.Add(new ImageInfo("sha256:new", ["realm-ci/debian12:bbbb"], 1L << 30, Now.AddDays(-2)));
        engine.Images.Add(new ImageInfo("sha256:used", ["realm-ci/base-debian12:cccc"], 200L << 20, Now.AddDays(-90)));
        engine.Images.Add(new ImageInfo("sha256:theirs", ["debian:bookworm", "someone/realm-ci:1"], 100L << 20, Now.AddDays(-400)));
        Make(Path.Combine(Artifacts, "old-config", "build", "a.o"), 5000, Now.AddDays(-60));
        Make(Path.Combine(Artifacts, "old-config", "install", "lib.so"), 1000, Now.AddDays(-60));
        Make(Path.Combine(Artifacts, "old-config", "build.log"), 10, Now.AddDays(-60));
        Make(Path.Combine(Artifacts, "old-config", "result.json"), 10, Now.AddDays(-60));
        Make(Path.Combine(Artifacts, "new-config", "build", "b.o"), 7000, Now.AddDays(-1));
        File.WriteAllText(Path.Combine(Artifacts, "new-config", "result.json"), """{ "image": "realm-ci/base-debian12:cccc" }""");
        File.SetLastWriteTimeUtc(Path.Combine(Artifacts, "new-config", "result.json"), Now.AddDays(-1).UtcDateTime); // a recent result named the old base
        Make(Path.Combine(Artifacts, "summary.json"), 10, Now.AddDays(-60));
        Make(Path.Combine(Cache, "results", "k1.json"), 300, Now.AddDays(-45));
        Make(Path.Combine(Cache, "results", "k2.json"), 300, Now.AddDays(-3));
        File.WriteAllText(Path.Combine(Cache, "results", "k2.json"), """{ "Id": "gcc12-debug" }""");
        File.SetLastWriteTimeUtc(Path.Combine(Cache, "results", "k2.json"), Now.AddDays(-3).UtcDateTime);
        Make(Path.Combine(Cache, "ccache", "0", "x"), 4096, Now.AddDays(-50));
        Directory.SetLastWriteTimeUtc(Path.Combine(Cache, "ccache", "0"), Now.AddDays(-50).UtcDateTime);
        Directory.SetLastWriteTimeUtc(Path.Combine(Cache, "ccache"), Now.AddDays(-50).UtcDateTime);
        return (engine, []);
    }

    private static Task<int> Run(CleanRequest request, ImageShelf engine, List<string> output) =>
        DiskCleanup.RunAsync(request, engine, output.Add, CancellationToken.None);

    [Fact]
    public async Task ByDefaultItOnlyShowsWhatRealmCiMadeWithSizesAndRemovesNothing()
    {
        var (engine, output) = Setup();
        Assert.Equal(0, await Run(new CleanRequest(Artifacts, Cache) { Now = Now }, engine, output));
        Assert.Empty(engine.Removed);
        Assert.True(Directory.Exists(Path.Combine(Artifacts, "old-config", "build")));
        Assert.Contains(output, l => l.StartsWith("image", StringComparison.Ordinal) && l.Contains("3 GiB") && l.EndsWith("realm-ci/debian12:aaaa", StringComparison.Ordinal));
        Assert.Contains(output, l => l.StartsWith("build tree", StringComparison.Ordinal) && l.Contains("5.9 KiB") && l.EndsWith("old-config", StringComparison.Ordinal));
        Assert.Contains(output, l => l.StartsWith("cache entry", StringComparison.Ordinal) && l.EndsWith("k1", StringComparison.Ordinal));
        Assert.Contains(output, l => l.StartsWith("cache entry", StringComparison.Ordinal) && l.EndsWith("gcc12-debug (k2)", StringComparison.Ordinal));
        Assert.Contains(output, l => l.StartsWith("ccache", StringComparison.Ordinal) && l.Contains("4 KiB"));
        Assert.DoesNotContain(output, l => l.Contains("bookworm") || l.Contains("someone/"));
        Assert.Equal("Nothing removed: add --remove to remove the 8 marked items.", output[^1]);
    }

    [Fact]
    public async Task RemoveTakesOnlyWhatWasLastUsedBeforeTheLimit()
    {
        var (engine, output) = Setup();
        var request = new CleanRequest(Artifacts, Cache) { Now = Now, OlderThan = TimeSpan.FromDays(30), Remove = true };
        Assert.Equal(0, await Run(request, engine, output));

        Assert.Equal(["realm-ci/debian12:aaaa"], engine.Removed); // the base is old but a recent result named it
        Assert.False(Directory.Exists(Path.Combine(Artifacts, "old-config", "build")));
        Assert.False(Directory.Exists(Path.Combine(Artifacts, "old-config", "install")));
        Assert.True(File.Exists(Path.Combine(Artifacts, "old-config", "build.log")), "logs and results are kept");
        Assert.True(Directory.Exists(Path.Combine(Artifacts, "new-config", "build")));
        Assert.False(File.Exists(Path.Combine(Cache, "results", "k1.json")));
        Assert.True(File.Exists(Path.Combine(Cache, "results", "k2.json")));
        Assert.False(Directory.Exists(Path.Combine(Cache, "ccache")));
        Assert.Equal("Removed 4 items, 3 GiB.", output[^1]);
    }

    [Fact]
    public async Task AnImageTheEngineRefusesIsKeptAndTheRunSaysSo()
    {
        var (engine, output) = Setup();
        var refusing = new RefusingShelf(engine);
        var request = new CleanRequest(Artifacts, Cache) { Now = Now, OlderThan = TimeSpan.FromDays(30), Remove = true };
        Assert.Equal(1, await DiskCleanup.RunAsync(request, refusing, output.Add, CancellationToken.None));
        Assert.Contains("kept image realm-ci/debian12:aaaa: realm-ci/debian12:aaaa is in use: conflict", output);
        Assert.EndsWith("1 could not be removed (see above).", output[^1]);
    }

    private sealed class RefusingShelf(ImageShelf inner) : IImageCleaner
    {
        public Task<IReadOnlyList<ImageInfo>> ListImagesAsync(string prefix, CancellationToken c) => inner.ListImagesAsync(prefix, c);
        public Task RemoveImageAsync(string reference, CancellationToken c) =>
            throw new RealmCi.Errors.RealmCiException($"{reference} is in use: conflict", RealmCi.Errors.ExitCodes.Failed);
    }

    [Fact]
    public void EveryFolderOfTheCacheLayoutIsListedAndRemovable()
    {
        var layout = new RealmCi.Layout.CacheLayout(Cache);
        foreach (var (_, folder) in layout.WholeFolders) Make(Path.Combine(folder, "x", "f"), 2048, Now.AddDays(-30));
        var items = DiskInventory.CacheFolder(Cache);
        Assert.Equal(layout.WholeFolders.Select(f => f.Path).Order(StringComparer.Ordinal), items.Select(i => i.Location).Order(StringComparer.Ordinal));
        Assert.Contains(items, i => i.Name == "sources" && i.Kind == DiskKind.CacheFolder && i.Bytes >= 2048);
        Assert.Contains(items, i => i.Name == "downstreams" && i.Kind == DiskKind.SourceClone);
    }
}
