using System.Security.Cryptography;

namespace RealmCi.Release;

/// <summary>SHA-256 of files, and the <c>SHA256SUMS</c> file <c>sha256sum -c</c> reads: "HASH  NAME" per line, sorted by name.</summary>
public static class Checksums
{
    public static ReleaseFile Of(string path)
    {
        using var stream = File.OpenRead(path);
        return new ReleaseFile(Path.GetFileName(path), stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    public static string Sha256Sums(IEnumerable<ReleaseFile> files) =>
        string.Concat(files.OrderBy(f => f.File, StringComparer.Ordinal).Select(f => $"{f.Sha256}  {f.File}\n"));
}
