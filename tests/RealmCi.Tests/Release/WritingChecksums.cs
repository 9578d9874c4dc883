using RealmCi.Release;

namespace RealmCi.Tests.Release;

public class WritingChecksums : InTempFolder
{
    [Fact]
    public void Sha256SumsHasOneSortedLinePerFileInTheFormatSha256sumReads()
    {
        File.WriteAllText(Path.Combine(dir, "b.tar.gz"), "bee");
        File.WriteAllText(Path.Combine(dir, "a.cdx.json"), "{}");
        var text = Checksums.Sha256Sums([Checksums.Of(Path.Combine(dir, "b.tar.gz")), Checksums.Of(Path.Combine(dir, "a.cdx.json"))]);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Matches("^[0-9a-f]{64}  [^ /]+$", l));
        Assert.EndsWith("  a.cdx.json", lines[0]);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("bee"u8)) + "  b.tar.gz", lines[1]);
        Assert.EndsWith("\n", text);
    }

    [Fact]
    public void TheReleaseFilesCoverEveryOtherFileOfTheFolder()
    {
        File.WriteAllText(Path.Combine(dir, "x-source.tar.gz"), "source");
        var manifest = new ReleaseManifest("x", "v1.0.0", new string('a', 40), "1.0.0", DateTimeOffset.UnixEpoch,
            Checksums.Of(Path.Combine(dir, "x-source.tar.gz")), [], []);
        ReleaseFiles.Write(dir, manifest, "x-1.0.0");
        var named = File.ReadAllLines(Path.Combine(dir, "SHA256SUMS")).Select(l => l[66..]).ToList();
        Assert.Equal(["manifest.json", "release-notes.md", "x-source.tar.gz"], named);
    }
}
