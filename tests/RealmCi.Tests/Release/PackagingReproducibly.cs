using System.Formats.Tar;
using System.IO.Compression;
using RealmCi.Release;

namespace RealmCi.Tests.Release;

public class PackagingReproducibly : InTempFolder
{
    private static readonly DateTimeOffset TagTime = new(2025, 6, 30, 12, 0, 0, TimeSpan.Zero);

    private string Tree()
    {
        var root = Path.Combine(dir, "install");
        Directory.CreateDirectory(Path.Combine(root, "lib", "cmake", "realm"));
        Directory.CreateDirectory(Path.Combine(root, "include", "realm"));
        File.WriteAllText(Path.Combine(root, "include", "realm", "realm.h"), "#pragma once\n");
        File.WriteAllText(Path.Combine(root, "lib", "librealm.so.1.0"), "ELF");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(root, "lib", "librealm.so.1.0"), (UnixFileMode)0b111_000_000); // 0700: normalised to 0755
        File.CreateSymbolicLink(Path.Combine(root, "lib", "librealm.so"), "librealm.so.1.0");
        File.WriteAllText(Path.Combine(root, "lib", "cmake", "realm", "RealmConfig.cmake"), "# config\n");
        return root;
    }

    private byte[] Package(string root, string name)
    {
        var path = Path.Combine(dir, name);
        ReproducibleArchive.Write(path, ArchiveEntry.Tree(root, "realm-1.0-x"), TagTime);
        return File.ReadAllBytes(path);
    }

    [Fact]
    public void PackagingTheSameTreeTwiceGivesTheSameBytesWhateverTheFileTimes()
    {
        var root = Tree();
        var first = Package(root, "first.tar.gz");
        foreach (var f in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Where(f => new FileInfo(f).LinkTarget is null))
            File.SetLastWriteTimeUtc(f, DateTime.UtcNow.AddDays(-3));
        var second = Package(root, "second.tar.gz");
        Assert.Equal(first, second);

        File.AppendAllText(Path.Combine(root, "include", "realm", "realm.h"), "// changed\n");
        Assert.NotEqual(first, Package(root, "third.tar.gz"));
    }

    [Fact]
    public void TheGzipHeaderCarriesNoNameAndNoTime()
    {
        var bytes = Package(Tree(), "a.tar.gz");
        Assert.Equal([0x1f, 0x8b, 8], bytes[..3]);
        Assert.Equal(0, bytes[3] & 0x08); // no FNAME
        Assert.Equal([0, 0, 0, 0], bytes[4..8]); // MTIME 0
    }

    [Fact]
    public void EntriesAreSortedWithTheirFoldersOwnedByRootWithNormalisedModesAndTheTagsTime()
    {
        var bytes = Package(Tree(), "a.tar.gz");
        using var tar = new TarReader(new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress));
        var entries = new List<TarEntry>();
        while (tar.GetNextEntry() is { } e) entries.Add(e);

        Assert.Equal(
        [
            "realm-1.0-x/", "realm-1.0-x/include/", "realm-1.0-x/include/realm/", "realm-1.0-x/include/realm/realm.h",
            "realm-1.0-x/lib/", "realm-1.0-x/lib/cmake/", "realm-1.0-x/lib/cmake/realm/", "realm-1.0-x/lib/cmake/realm/RealmConfig.cmake",
            "realm-1.0-x/lib/librealm.so", "realm-1.0-x/lib/librealm.so.1.0",
        ], entries.Select(e => e.Name));
        Assert.All(entries, e =>
        {
            Assert.Equal(0, e.Uid);
            Assert.Equal(0, e.Gid);
            Assert.Equal(TagTime, e.ModificationTime);
            Assert.Equal("", ((PosixTarEntry)e).UserName);
        });
        Assert.Equal((UnixFileMode)0b111_101_101, entries.Single(e => e.Name.EndsWith("librealm.so.1.0", StringComparison.Ordinal)).Mode);
        Assert.Equal((UnixFileMode)0b110_100_100, entries.Single(e => e.Name.EndsWith("realm.h", StringComparison.Ordinal)).Mode);
        var link = entries.Single(e => e.Name.EndsWith("librealm.so", StringComparison.Ordinal));
        Assert.Equal(TarEntryType.SymbolicLink, link.EntryType);
        Assert.Equal("librealm.so.1.0", link.LinkName);
    }
}
