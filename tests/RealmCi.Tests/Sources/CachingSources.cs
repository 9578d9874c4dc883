using System.Security.Cryptography;
using System.Text;
using RealmCi.Errors;
using RealmCi.Matrix;
using RealmCi.Sources;

namespace RealmCi.Tests.Sources;

public class CachingSources : InTempFolder
{
    /// <summary>Serves fixed bytes for any URL and counts the calls; never touches the network.</summary>
    private sealed class FakeDownloader(byte[] content) : ISourceDownloader
    {
        public List<Uri> Requests { get; } = [];

        public Task DownloadAsync(Uri url, string destination, CancellationToken cancellation)
        {
            Requests.Add(url);
            File.WriteAllBytes(destination, content);
            return Task.CompletedTask;
        }
    }

    private static readonly byte[] Archive = Encoding.UTF8.GetBytes("pretend this is ucc-1.3.0.tar.gz\n");
    private static readonly DeclaredSource Ucc = new("ucc", new Uri("https://example.org/ucc/v1.3.0.tar.gz"),
        Convert.ToHexStringLower(SHA256.HashData(Archive)), "ucc-1.3.0.tar.gz", new SourceSpan("m.yaml", 12, 3));

    private string Cache => Path.Combine(dir, "cache");
    private string Supplied => Path.Combine(dir, "supplied");

    private SourceCache Make(bool downloads, FakeDownloader fake, string? supplied = null) => new(Cache, supplied, downloads, fake);

    private static Task<string> Resolve(SourceCache cache) => cache.ResolveAsync(Ucc, CancellationToken.None);

    [Fact]
    public async Task ASuppliedFolderIsUsedWithoutDownloading()
    {
        Directory.CreateDirectory(Supplied);
        File.WriteAllBytes(Path.Combine(Supplied, Ucc.File), Archive);
        var fake = new FakeDownloader([]);
        var cache = Make(downloads: false, fake, Supplied);
        Assert.True(cache.IsPresent(Ucc));
        Assert.Equal(Path.Combine(Supplied, Ucc.File), await Resolve(cache));
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task ADownloadLandsInTheCacheOnceAndIsReusedOffline()
    {
        var fake = new FakeDownloader(Archive);
        var path = await Resolve(Make(downloads: true, fake));
        Assert.Equal(Path.Combine(Cache, Ucc.File), path);
        Assert.Equal(Archive, File.ReadAllBytes(path));
        Assert.Equal([Ucc.Url], fake.Requests);

        var offline = Make(downloads: false, fake);
        Assert.Equal(["ucc"], offline.Present([Ucc]));
        Assert.Equal(path, await Resolve(offline));
        Assert.Single(fake.Requests);
        Assert.Empty(Directory.GetFiles(Cache, "*.partial"));
    }

    [Fact]
    public async Task AMissingSourceWithDownloadsOffSaysWhereToPutIt()
    {
        var fake = new FakeDownloader(Archive);
        var e = await Assert.ThrowsAsync<RealmCiException>(() => Resolve(Make(downloads: false, fake, Supplied)));
        Assert.Equal(ExitCodes.ConfigurationUnavailable, e.ExitCode);
        Assert.Contains($"source 'ucc' (ucc-1.3.0.tar.gz) is not in {Supplied} nor the source cache", e.Message);
        Assert.Contains("https://example.org/ucc/v1.3.0.tar.gz", e.Message);
        Assert.Contains("--sources=DIR", e.Message);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task ADownloadWithTheWrongChecksumIsAClearErrorAndLeavesNothingInTheCache()
    {
        var fake = new FakeDownloader(Encoding.UTF8.GetBytes("a captive portal's login page"));
        var e = await Assert.ThrowsAsync<RealmCiException>(() => Resolve(Make(downloads: true, fake)));
        var actual = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("a captive portal's login page")));
        Assert.Equal(
            $"source 'ucc': checksum mismatch for ucc-1.3.0.tar.gz downloaded from https://example.org/ucc/v1.3.0.tar.gz: expected sha256 {Ucc.Sha256} (declared at m.yaml:12:3), got {actual}",
            e.Message);
        Assert.Empty(Directory.GetFiles(Cache));
    }

    [Fact]
    public async Task ASuppliedFileWithTheWrongChecksumNamesTheFile()
    {
        Directory.CreateDirectory(Supplied);
        var file = Path.Combine(Supplied, Ucc.File);
        File.WriteAllText(file, "truncated");
        var e = await Assert.ThrowsAsync<RealmCiException>(() => Resolve(Make(downloads: true, new FakeDownloader(Archive), Supplied)));
        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
        Assert.Contains($"checksum mismatch for {file}: expected sha256 {Ucc.Sha256}", e.Message);
        Assert.Contains($"got {Convert.ToHexStringLower(SHA256.HashData("truncated"u8))}", e.Message);
    }

    [Fact]
    public async Task AFailedDownloadIsAnExternalSystemError()
    {
        var e = await Assert.ThrowsAsync<RealmCiException>(() => Resolve(new SourceCache(Cache, null, true, new Unreachable())));
        Assert.Equal(ExitCodes.Unavailable, e.ExitCode);
        Assert.Contains("downloading https://example.org/ucc/v1.3.0.tar.gz failed: no route to host", e.Message);
    }

    private sealed class Unreachable : ISourceDownloader
    {
        public Task DownloadAsync(Uri url, string destination, CancellationToken cancellation) => throw new HttpRequestException("no route to host");
    }

    [Fact]
    public void TheDefaultCacheIsTheSourcesFolderOfRealmCisCache() =>
        Assert.Equal(Path.Combine("/home/u/.cache/realm-ci", "sources"), SourceCache.DefaultFolder("/home/u/.cache/realm-ci"));
}
