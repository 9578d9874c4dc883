using RealmCi.Layout;
using System.Security.Cryptography;
using RealmCi.Errors;
using RealmCi.Matrix;

namespace RealmCi.Sources;

/// <summary>
/// Where declared sources live on the host. A source is taken from the supplied folder
/// (<c>--sources=DIR</c>) first, then the host cache (<c>~/.cache/realm-ci/sources/</c>), and
/// downloaded into the cache only when downloads are allowed. Every file is checked against
/// its pinned SHA-256 before it is used; a mismatch is an error naming the file, the expected
/// and the actual checksum.
/// </summary>
public sealed class SourceCache(string cacheFolder, string? suppliedFolder, bool downloadsAllowed, ISourceDownloader downloader)
{
    /// <summary>The cache folder under realm-ci's cache (<c>~/.cache/realm-ci</c>): its <c>sources</c> subfolder.</summary>
    public static string DefaultFolder(string realmCiCache) => new CacheLayout(realmCiCache).Sources;

    public string CacheFolder { get; } = cacheFolder;

    public string? SuppliedFolder { get; } = suppliedFolder;

    /// <summary>Whether the archive is already on disk (supplied folder or cache); its checksum is checked when it is resolved.</summary>
    public bool IsPresent(DeclaredSource source) => Existing(source) is not null;

    /// <summary>The names of the sources already on disk, for <see cref="HostOffer.Sources"/>.</summary>
    public IEnumerable<string> Present(IEnumerable<DeclaredSource> sources) => sources.Where(IsPresent).Select(s => s.Name);

    /// <summary>The local path of the verified archive, downloading it into the cache if allowed.</summary>
    public async Task<string> ResolveAsync(DeclaredSource source, CancellationToken cancellation)
    {
        if (Existing(source) is { } path)
        {
            await VerifyAsync(source, path, cancellation);
            return path;
        }
        if (!downloadsAllowed)
            throw new RealmCiException(
                $"source '{source.Name}' ({source.File}) is not in {Where()}, and downloads are not allowed: download {source.Url} " +
                $"(sha256 {source.Sha256}) and pass its folder with --sources=DIR", ExitCodes.ConfigurationUnavailable);

        Directory.CreateDirectory(CacheFolder);
        var target = Path.Combine(CacheFolder, source.File);
        var partial = target + $".{Environment.ProcessId}.partial";
        try
        {
            try
            {
                await downloader.DownloadAsync(source.Url, partial, cancellation);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancellation.IsCancellationRequested)
            {
                throw new RealmCiException($"source '{source.Name}': downloading {source.Url} failed: {e.Message}", ExitCodes.Unavailable, e);
            }
            await VerifyAsync(source, partial, cancellation, $"{source.File} downloaded from {source.Url}");
            File.Move(partial, target, overwrite: true);
            return target;
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
    }

    private string? Existing(DeclaredSource source)
    {
        foreach (var folder in new[] { SuppliedFolder, CacheFolder })
            if (folder is not null && Path.Combine(folder, source.File) is var path && File.Exists(path)) return path;
        return null;
    }

    private string Where() => SuppliedFolder is null ? $"the source cache ({CacheFolder})" : $"{SuppliedFolder} nor the source cache ({CacheFolder})";

    private static async Task VerifyAsync(DeclaredSource source, string path, CancellationToken cancellation, string? what = null)
    {
        string actual;
        await using (var stream = File.OpenRead(path))
            actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellation));
        if (actual != source.Sha256)
            throw new RealmCiException(
                $"source '{source.Name}': checksum mismatch for {what ?? path}: expected sha256 {source.Sha256} (declared at {source.Where}), got {actual}",
                ExitCodes.InvalidInput);
    }
}
