namespace RealmCi.Packs;

/// <summary>
/// What of a build tree a pack keeps: what CTest needs to run the tests later — executables,
/// shared libraries, CTestTestfile.cmake files, CMakeCache.txt, generated test data. Tests link
/// at build time, so object files and static archives are left out, and so are Ninja's
/// bookkeeping (<c>.ninja_deps</c>, <c>.ninja_log</c>) and ccache's files.
/// </summary>
public static class PackContents
{
    private static readonly string[] DroppedExtensions = [".o", ".obj", ".a", ".lib", ".gcda", ".d", ".pch", ".gch"];

    private static readonly string[] DroppedNames = [".ninja_deps", ".ninja_log", "CMakeCache.txt~"];

    /// <summary>Whether the file at <paramref name="relativePath"/> (from the build tree, '/'-separated) goes into the pack.</summary>
    public static bool Keeps(string relativePath)
    {
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        if (DroppedNames.Contains(name, StringComparer.Ordinal)) return false;
        if (DroppedExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase))) return false;
        var parts = relativePath.Split('/');
        return !parts.Any(p => p is ".ccache" or "ccache" or ".cmake-ccache");
    }

    /// <summary>The build tree's kept files, directories and links, relative and '/'-separated, sorted (directories before their contents).</summary>
    public static IReadOnlyList<string> Entries(string buildTree)
    {
        var entries = new List<string>();
        Walk(buildTree, "", entries);
        return entries;
    }

    private static void Walk(string dir, string prefix, List<string> entries)
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(dir).Order(StringComparer.Ordinal))
        {
            var relative = prefix + Path.GetFileName(path);
            var info = new FileInfo(path);
            if (Directory.Exists(path) && info.LinkTarget is null)
            {
                if (!Keeps(relative + "/")) continue;
                entries.Add(relative + "/");
                Walk(path, relative + "/", entries);
            }
            else if (Keeps(relative)) entries.Add(relative);
        }
    }
}
