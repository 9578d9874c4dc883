using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using RealmCi.Errors;
using RealmCi.Execution;
using RealmCi.Matrix;
using RealmCi.Sources;

namespace RealmCi.IntegrationTests;

/// <summary>
/// What a host cannot offer is an honest outcome, decided in seconds; declared sources reach
/// the image build from a supplied folder (no internet), checked against their pinned SHA-256.
/// The real engine, the fixture's base, and a matrix written for each case.
/// </summary>
[Collection("engine")]
public class PreparingWhatTheHostLacks(EngineFixture fx) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("realm-ci-lacks-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private sealed class NoDownloads : ISourceDownloader
    {
        public Task DownloadAsync(Uri url, string target, CancellationToken cancellation) =>
            throw new InvalidOperationException($"a test tried to download {url}");
    }

    /// <summary>A matrix on the fixture's own base, plus a registry-only base and a value that builds from a declared source.</summary>
    private string WriteMatrix(string folder, string sha256)
    {
        var fixture = File.ReadAllText(Path.Combine(EngineFixture.FixtureSource, "matrix.yaml"));
        var bootstrap = fixture.Split('\n').First(l => l.TrimStart().StartsWith("bootstrap:", StringComparison.Ordinal)).Trim();
        var path = Path.Combine(folder, "matrix.yaml");
        File.WriteAllText(path, $$"""
            version: 1
            project: mini-realm
            bases:
              debian12:
                image: debian:bookworm
                {{bootstrap}}
              elsewhere:
                image: registry.invalid/realm-ci-test/only-there:1
                requires: [registry]
            sources:
              demo:
                url: https://example.invalid/demo-1.0.tar.gz
                sha256: {{sha256}}
                file: demo-1.0.tar.gz
            defaults:
              base: debian12
              packages: [cmake, ninja-build, g++, ccache]
              cmake: { REALM_BUILD_TESTS: ON }
              test: { labels: [unit, integration] }
            axes:
              kind:
                values:
                  plain: {}
                  withsrc:
                    sources: [demo]
                    run: ["mkdir -p /opt/demo && tar -xzf /sources/demo-1.0.tar.gz -C /opt/demo && test \"$(cat /opt/demo/demo-1.0/hello.txt)\" = 'hello from a declared source'"]
                  registry:
                    base: elsewhere
            """);
        return path;
    }

    private static string DemoArchive(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "demo-1.0.tar.gz");
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "demo-1.0/"));
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "demo-1.0/hello.txt")
            { DataStream = new MemoryStream("hello from a declared source"u8.ToArray()) });
        return path;
    }

    private async Task<(int Code, JsonDocument Summary, PipelineOptions Options)> Run(string name, string matrixFile, string id, string? sources)
    {
        var matrix = MatrixFile.Open(matrixFile);
        var options = fx.Options(name) with { SourcesFolder = sources, DownloadsAllowed = false, MatrixFile = matrixFile };
        var cache = new SourceCache(SourceCache.DefaultFolder(options.Cache), sources, false, new NoDownloads());
        var offer = await HostOfferProbe.ProbeAsync(matrix.Definition, options.Host, fx.Engine, pullsAllowed: false, downloadsAllowed: false, cache, CancellationToken.None);
        var selection = Selector.Select(matrix, new SelectionOptions { Configs = [id], Offer = offer });
        var code = await Pipeline.RunAsync(selection, options, () => fx.Engine, new SilentObserver(), CancellationToken.None);
        return (code, JsonDocument.Parse(File.ReadAllText(Path.Combine(options.Artifacts, "summary.json"))), options);
    }

    private static JsonElement Only(JsonDocument summary) => summary.RootElement.GetProperty("results")[0];

    [Fact]
    public async Task AConfigurationThatNeedsARegistryIsUnavailableInSecondsWithTheReason()
    {
        var matrix = WriteMatrix(folder, new string('0', 64));
        var clock = Stopwatch.StartNew();
        var (code, summary, options) = await Run("registry", matrix, "registry", null);

        Assert.Equal(ExitCodes.ConfigurationUnavailable, code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"decided in {clock.Elapsed.TotalSeconds:F1} s");
        var result = Only(summary);
        Assert.Equal("unavailable", result.GetProperty("status").GetString());
        Assert.Contains("registry", File.ReadAllText(Path.Combine(options.Artifacts, "registry", "result.json")));
        Assert.Contains("comes only from a registry", result.GetRawText());
    }

    [Fact]
    public async Task ASuppliedSourceFolderLetsTheImageBuildWithoutTheInternet()
    {
        var archive = DemoArchive(Path.Combine(folder, "supplied"));
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(archive)));
        var matrix = WriteMatrix(folder, sha);

        var (code, summary, options) = await Run("withsrc", matrix, "withsrc", Path.Combine(folder, "supplied"));

        Assert.True(code == ExitCodes.Success, File.ReadAllText(Path.Combine(options.Artifacts, "withsrc", "image.log")));
        Assert.Equal("passed", Only(summary).GetProperty("status").GetString());
        var dockerfile = File.ReadAllText(Path.Combine(options.Artifacts, "withsrc", "Dockerfile"));
        Assert.Contains("COPY sources/demo-1.0.tar.gz /sources/demo-1.0.tar.gz", dockerfile);
        Assert.Contains(sha, dockerfile); // the pin is part of the recipe, so of the tag
        await RemoveImage(Only(summary).GetProperty("image").GetString()!);
    }

    [Fact]
    public async Task ADeclaredSourceWithAWrongChecksumFailsClearly()
    {
        DemoArchive(Path.Combine(folder, "supplied"));
        var pinned = new string('a', 64);
        var matrix = WriteMatrix(folder, pinned);

        var (code, summary, options) = await Run("badsum", matrix, "withsrc", Path.Combine(folder, "supplied"));

        Assert.Equal(ExitCodes.Failed, code);
        var result = Only(summary);
        Assert.Equal("failed", result.GetProperty("status").GetString());
        var log = File.ReadAllText(Path.Combine(options.Artifacts, "withsrc", "result.json"));
        Assert.Contains("checksum mismatch", log);
        Assert.Contains($"expected sha256 {pinned}", log);
    }

    private static async Task RemoveImage(string tag)
    {
        var output = new List<string>();
        await RealmCi.Processes.RunAsync("docker", ["rmi", tag], null, l => output.Add(l.Text), CancellationToken.None);
    }
}
