namespace RealmCi.Downstream;

/// <summary>
/// Makes a folder hold exactly what another holds, by moving: a file whose bytes (or a symbolic
/// link whose target) are already the same in the destination is left alone — its modification
/// time too, so Ninja does not rebuild what it feeds — a changed or new one is moved in and given
/// the current time (so Ninja does rebuild it, whatever time its source had), and what the source
/// lacks is removed. <c>.git</c> folders are mirrored like any other.
/// </summary>
public static class TreeMirror
{
    public static (int Written, int Kept, int Removed) Mirror(string from, string to)
    {
        int written = 0, kept = 0, removed = 0;
        var now = DateTime.UtcNow;
        void Walk(string source, string target)
        {
            if (File.Exists(target) || new FileInfo(target).LinkTarget is not null) { File.Delete(target); removed++; }
            Directory.CreateDirectory(target);
            var wanted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
            {
                wanted.Add(entry.Name);
                var there = Path.Combine(target, entry.Name);
                if (entry is DirectoryInfo && entry.LinkTarget is null) { Walk(entry.FullName, there); continue; }
                if (Same(entry, there)) { kept++; continue; }
                if (Directory.Exists(there) && new FileInfo(there).LinkTarget is null) { removed += Count(there); Directory.Delete(there, recursive: true); }
                else if (Path.Exists(there) || new FileInfo(there).LinkTarget is not null) File.Delete(there);
                if (entry.LinkTarget is { } link) File.CreateSymbolicLink(there, link);
                else
                {
                    File.Move(entry.FullName, there);
                    File.SetLastWriteTimeUtc(there, now); // newer than any object built from the old bytes: a copy keeps its source's time, which may be older
                }
                written++;
            }
            foreach (var entry in new DirectoryInfo(target).EnumerateFileSystemInfos().Where(e => !wanted.Contains(e.Name)))
            {
                if (entry is DirectoryInfo && entry.LinkTarget is null) { removed += Count(entry.FullName); Directory.Delete(entry.FullName, recursive: true); }
                else { entry.Delete(); removed++; }
            }
        }
        Walk(from, to);
        return (written, kept, removed);
    }

    private static bool Same(FileSystemInfo source, string target)
    {
        var there = new FileInfo(target);
        if (source.LinkTarget is { } link) return there.LinkTarget == link;
        if (there.LinkTarget is not null || !there.Exists || there.Length != ((FileInfo)source).Length) return false;
        using var a = File.OpenRead(source.FullName);
        using var b = File.OpenRead(target);
        Span<byte> x = stackalloc byte[16 * 1024], y = stackalloc byte[16 * 1024];
        while (true)
        {
            var n = a.ReadAtLeast(x, x.Length, throwOnEndOfStream: false);
            if (n == 0) return true;
            if (b.ReadAtLeast(y, n, throwOnEndOfStream: false) != n || !x[..n].SequenceEqual(y[..n])) return false;
        }
    }

    private static int Count(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count();
}
