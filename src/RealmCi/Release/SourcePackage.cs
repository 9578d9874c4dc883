using System.Formats.Tar;
using System.Text;
using RealmCi.Errors;

namespace RealmCi.Release;

/// <summary>The exported source: the archive, its layout, and the folder it was extracted to.</summary>
public sealed record ExportedSource(string Archive, SourceLayout Layout, string Folder, int Files)
{
    /// <summary>The CMake project's folder inside <see cref="Folder"/> (null: the root).</summary>
    public string? Subdir => Layout.Subdir;
}

/// <summary>
/// The source package: the tag's tree as git has it (<c>git archive</c>, never the working
/// tree), reduced to what the build reads, plus a <c>VERSION</c> file beside the CMake project —
/// what Realm's CMake reads when there is no .git (as its own CPack source package does),
/// which also sidesteps <c>git describe</c> naming a tag that is no version. Written
/// reproducibly, then extracted: every binary is built from the extraction.
/// </summary>
public static class SourcePackage
{
    public static async Task<ExportedSource> ExportAsync(string repository, GitTag tag, ReleaseNames names, string archivePath, string extractTo, Matrix.ProjectSource project,
        CancellationToken cancellation)
    {
        var raw = Path.Combine(Path.GetDirectoryName(archivePath)!, $".git-archive-{Environment.ProcessId}.tar");
        try
        {
            var (code, _) = await GitTag.GitAsync(repository, cancellation, "archive", "--format=tar", "-o", raw, tag.Commit);
            if (code != 0) throw new RealmCiException($"git archive {tag.Name} failed in {repository} (exit code {code})", ExitCodes.Unavailable);
            var (layout, entries) = Read(raw, names.SourceFolder, project);
            entries.Add(ArchiveEntry.Bytes($"{names.SourceFolder}/{layout.VersionFile}", Encoding.UTF8.GetBytes(names.Version)));
            ReproducibleArchive.Write(archivePath, entries, tag.CommitTime);
            if (Directory.Exists(extractTo)) Directory.Delete(extractTo, recursive: true);
            var parent = extractTo + ".tmp";
            if (Directory.Exists(parent)) Directory.Delete(parent, recursive: true);
            ReproducibleArchive.Extract(archivePath, parent);
            Directory.Move(Path.Combine(parent, names.SourceFolder), extractTo);
            Directory.Delete(parent);
            return new ExportedSource(archivePath, layout, extractTo, entries.Count(e => e.Kind != ArchiveEntryKind.Directory));
        }
        finally
        {
            File.Delete(raw);
        }
    }

    /// <summary>The files of git's tar that the layout holds, under <paramref name="prefix"/>.</summary>
    internal static (SourceLayout Layout, List<ArchiveEntry> Entries) Read(string gitTar, string prefix, Matrix.ProjectSource project)
    {
        var all = new List<(string Path, TarEntryType Type, bool Executable, byte[]? Content, string Link)>();
        using (var file = File.OpenRead(gitTar))
        using (var reader = new TarReader(file))
        {
            while (reader.GetNextEntry(copyData: true) is { } e)
            {
                if (e.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.SymbolicLink)) continue;
                byte[]? content = null;
                if (e.DataStream is { } data)
                {
                    using var buffer = new MemoryStream();
                    data.CopyTo(buffer);
                    content = buffer.ToArray();
                }
                all.Add((e.Name.TrimStart('/'), e.EntryType, (e.Mode & UnixFileMode.UserExecute) != 0, content, e.LinkName));
            }
        }
        var top = all.FirstOrDefault(f => f.Path == "CMakeLists.txt").Content is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
        var layout = SourceLayout.Detect(all.Select(f => f.Path).ToHashSet(StringComparer.Ordinal), top, project);
        var entries = all.Where(f => layout.Holds(f.Path)).Select(f => f.Type == TarEntryType.SymbolicLink
            ? ArchiveEntry.Symlink($"{prefix}/{f.Path}", f.Link)
            : ArchiveEntry.Bytes($"{prefix}/{f.Path}", f.Content ?? [], f.Executable)).ToList();
        return (layout, entries);
    }
}
