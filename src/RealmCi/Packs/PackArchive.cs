using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using RealmCi.Errors;
using RealmCi.Layout;

namespace RealmCi.Packs;

/// <summary>
/// A pack on disk: a gzip-compressed tar whose first entry is the manifest
/// (<see cref="ManifestEntry"/>), then the build tree's kept entries under <c>build/</c>
/// (modes and symbolic links as they are).
/// </summary>
public static class PackArchive
{
    public const string FileName = "pack.tar.gz";

    public const string ManifestEntry = "realm-ci-pack.json";

    /// <summary>Writes <paramref name="buildTree"/>'s kept entries with the manifest into <paramref name="path"/> (via a temporary file, then a rename); returns the manifest written.</summary>
    public static PackManifest Write(string path, string buildTree, PackManifest manifest)
    {
        var entries = PackContents.Entries(buildTree);
        manifest = manifest with { Files = entries.Count(e => !e.EndsWith('/')) };
        var temp = path + $".tmp-{Environment.ProcessId}";
        using (var file = File.Create(temp))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            var json = Encoding.UTF8.GetBytes(PackJson.Serialize(manifest));
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, ManifestEntry)
            {
                DataStream = new MemoryStream(json),
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            });
            foreach (var entry in entries)
                tar.WriteEntry(Path.Combine(buildTree, entry.TrimEnd('/')), "build/" + entry.TrimEnd('/'));
        }
        File.Move(temp, path, overwrite: true);
        return manifest;
    }

    /// <summary>The manifest (the archive's first entry); a file that is not a pack is one clear error (exit 2).</summary>
    public static PackManifest ReadManifest(string path)
    {
        if (!File.Exists(path)) throw new RealmCiException($"--from-pack={path}: no such file");
        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            var first = tar.GetNextEntry();
            if (first is null || first.Name != ManifestEntry || first.DataStream is null) throw NotAPack(path);
            using var reader = new StreamReader(first.DataStream, Encoding.UTF8);
            return PackJson.Read(reader.ReadToEnd()) ?? throw NotAPack(path);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException and not FileNotFoundException)
        {
            throw NotAPack(path);
        }
    }

    /// <summary>Unpacks the build tree into <paramref name="work"/> (replacing its <c>build/</c>), refusing entries that would land outside it.</summary>
    public static void Extract(string path, string work)
    {
        var build = new ConfigurationFolder(work).BuildTree;
        if (Directory.Exists(build)) Directory.Delete(build, recursive: true);
        Directory.CreateDirectory(build);
        var root = Path.GetFullPath(work) + Path.DirectorySeparatorChar;
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name == ManifestEntry) continue;
            var target = Path.GetFullPath(Path.Combine(work, entry.Name));
            if (!target.StartsWith(root, StringComparison.Ordinal) || !entry.Name.StartsWith("build/", StringComparison.Ordinal))
                throw new RealmCiException($"{path}: entry {entry.Name} lies outside the build tree; not a realm-ci pack");
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(target);
                    break;
                case TarEntryType.SymbolicLink:
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.CreateSymbolicLink(target, entry.LinkName);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    entry.ExtractToFile(target, overwrite: true);
                    break;
                default:
                    break; // devices, fifos: never in a build tree
            }
        }
    }

    private static RealmCiException NotAPack(string path) => new($"--from-pack={path}: not a realm-ci pack (no {ManifestEntry} first); make one with --target=Build --pack");
}
