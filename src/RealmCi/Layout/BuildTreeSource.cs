namespace RealmCi.Layout;

/// <summary>
/// Which source folder a configuration's build tree was built from (a stamp beside the tree, in the
/// configuration's folder: the tree itself is the container's, written as the invoking user). The
/// container always mounts the source at the same path, so Ninja cannot tell two checkouts apart:
/// reusing a tree built from another folder would skip every file whose time there is older than its
/// object (a second clone, a prepared branch, a copied tree) and test stale code. A tree built from
/// another folder is therefore started afresh (ccache makes that cheap); the same folder — a
/// bisection's clone, the canary's composed copy, the user's checkout — keeps it.
/// </summary>
public static class BuildTreeSource
{
    /// <summary>Removes the folder's build tree when its stamp names another source; returns why, or null when it is kept (or absent).</summary>
    public static string? Prepare(ConfigurationFolder folder, string source)
    {
        var tree = folder.BuildTree;
        if (!Directory.Exists(tree)) return null;
        var built = File.Exists(folder.BuildSource) ? File.ReadAllText(folder.BuildSource).Trim() : null;
        if (built == source) return null;
        Directory.Delete(tree, recursive: true);
        return built is null
            ? $"build tree {tree} does not say which source it was built from: starting afresh"
            : $"build tree {tree} was built from {built}, not {source}: starting afresh (a reused tree would keep objects of files older there)";
    }

    /// <summary>Records <paramref name="source"/> as the source of the folder's build tree.</summary>
    public static void Record(ConfigurationFolder folder, string source)
    {
        Directory.CreateDirectory(folder.Root);
        File.WriteAllText(folder.BuildSource, source + "\n");
    }
}
