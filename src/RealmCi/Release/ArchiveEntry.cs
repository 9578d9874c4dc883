namespace RealmCi.Release;

public enum ArchiveEntryKind { Directory, File, Symlink }

/// <summary>
/// One entry of an archive, reduced to what a reproducible archive keeps: its path, kind,
/// whether it is executable, and its content (a host file, bytes, or a link target).
/// </summary>
public sealed record ArchiveEntry(string Path, ArchiveEntryKind Kind, bool Executable = false, string? HostFile = null, byte[]? Content = null, string? LinkTarget = null)
{
    public static ArchiveEntry Directory(string path) => new(path, ArchiveEntryKind.Directory);

    public static ArchiveEntry Bytes(string path, byte[] content, bool executable = false) => new(path, ArchiveEntryKind.File, executable, Content: content);

    public static ArchiveEntry File(string path, string hostFile, bool executable) => new(path, ArchiveEntryKind.File, executable, HostFile: hostFile);

    public static ArchiveEntry Symlink(string path, string target) => new(path, ArchiveEntryKind.Symlink, LinkTarget: target);

    /// <summary>Every file and symlink under <paramref name="folder"/> (symlinks kept as links), with <paramref name="prefix"/> in front of each path.</summary>
    public static IEnumerable<ArchiveEntry> Tree(string folder, string prefix)
    {
        foreach (var path in System.IO.Directory.EnumerateFileSystemEntries(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = prefix + "/" + System.IO.Path.GetRelativePath(folder, path).Replace('\\', '/');
            var info = new FileInfo(path);
            if (info.LinkTarget is { } target) yield return Symlink(relative, target);
            else if (info.Attributes.HasFlag(FileAttributes.Directory)) yield return Directory(relative);
            else yield return File(relative, path, OperatingSystem.IsWindows() ? false : (info.UnixFileMode & UnixFileMode.UserExecute) != 0);
        }
    }
}
