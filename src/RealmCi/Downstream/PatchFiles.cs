using RealmCi.Matrix;

namespace RealmCi.Downstream;

/// <summary>The patch files a downstream names, in order: each glob (one '*' level, in its file name) expanded and sorted; a glob matching nothing adds nothing.</summary>
public static class PatchFiles
{
    public static System.Collections.Immutable.ImmutableArray<string> Resolve(DownstreamProject d, string realmRoot, string matrixFolder) =>
        [.. d.Patches.SelectMany(p =>
        {
            var root = p.From == PatchOrigin.Realm ? realmRoot : matrixFolder;
            var folder = Path.Combine(root, Path.GetDirectoryName(p.Glob) ?? "");
            var name = Path.GetFileName(p.Glob);
            return Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder).Where(f => Glob.Matches(name, Path.GetFileName(f))).Order(StringComparer.Ordinal)
                : Enumerable.Empty<string>();
        })];
}
