using System.Formats.Tar;
using System.IO.Compression;

namespace RealmCi.Release;

/// <summary>
/// Writes a .tar.gz whose bytes depend only on the entries' paths, kinds, executable bits and
/// contents: entries sorted by path with every parent folder present, owner 0:0 with no names,
/// modes normalised (0755 folders and executables, 0644 files), every time set to one fixed
/// instant (the tag's commit time), and a gzip header without name or time. Packaging the same
/// inputs twice gives the same bytes; CPack's archives embed file times, so they are not used.
/// </summary>
public static class ReproducibleArchive
{
    private const UnixFileMode Folder = (UnixFileMode)0b111_101_101;   // 0755
    private const UnixFileMode Plain = (UnixFileMode)0b110_100_100;    // 0644
    private const UnixFileMode Link = (UnixFileMode)0b111_111_111;     // 0777

    public static void Write(string path, IEnumerable<ArchiveEntry> entries, DateTimeOffset time)
    {
        var temp = path + $".tmp-{Environment.ProcessId}";
        using (var file = File.Create(temp)) Write(file, entries, time);
        File.Move(temp, path, overwrite: true);
    }

    public static void Write(Stream output, IEnumerable<ArchiveEntry> entries, DateTimeOffset time)
    {
        // GZipStream writes a fixed header: no file name, modification time 0.
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var tar = new TarWriter(gzip, TarEntryFormat.Gnu, leaveOpen: true);
        foreach (var entry in Normalise(entries))
        {
            var kind = entry.Kind switch
            {
                ArchiveEntryKind.Directory => TarEntryType.Directory,
                ArchiveEntryKind.Symlink => TarEntryType.SymbolicLink,
                _ => TarEntryType.RegularFile,
            };
            var name = entry.Kind == ArchiveEntryKind.Directory ? entry.Path + "/" : entry.Path;
            var tarEntry = new GnuTarEntry(kind, name)
            {
                ModificationTime = time,
                AccessTime = time,
                ChangeTime = time,
                Uid = 0,
                Gid = 0,
                UserName = "",
                GroupName = "",
                Mode = entry.Kind switch
                {
                    ArchiveEntryKind.Directory => Folder,
                    ArchiveEntryKind.Symlink => Link,
                    _ => entry.Executable ? Folder : Plain,
                },
            };
            if (entry.Kind == ArchiveEntryKind.Symlink) tarEntry.LinkName = entry.LinkTarget!;
            Stream? data = entry.Kind != ArchiveEntryKind.File ? null
                : entry.Content is { } bytes ? new MemoryStream(bytes, writable: false)
                : File.OpenRead(entry.HostFile!);
            using (data)
            {
                if (data is not null) tarEntry.DataStream = data;
                tar.WriteEntry(tarEntry);
            }
        }
    }

    /// <summary>Sorted by path (ordinal), with every parent folder as an entry of its own, each path once.</summary>
    internal static IEnumerable<ArchiveEntry> Normalise(IEnumerable<ArchiveEntry> entries)
    {
        var byPath = new SortedDictionary<string, ArchiveEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var path = entry.Path.Trim('/');
            byPath[path] = entry with { Path = path };
            for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
                byPath.TryAdd(path[..slash], ArchiveEntry.Directory(path[..slash]));
        }
        return byPath.Values;
    }

    /// <summary>Extracts a .tar.gz into <paramref name="folder"/> (modes and symlinks kept).</summary>
    public static void Extract(string archive, string folder)
    {
        Directory.CreateDirectory(folder);
        using var file = File.OpenRead(archive);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        TarFile.ExtractToDirectory(gzip, folder, overwriteFiles: true);
    }
}
