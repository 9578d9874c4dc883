namespace RealmCi.Layout;

/// <summary>
/// Which source folder a configuration's build tree was built from (a stamp in the tree). The
/// container always mounts the source at the same path, so Ninja cannot tell two checkouts apart:
/// reusing a tree built from another folder would skip every file whose time there is older than
/// its object (a second clone, a prepared branch, a copied tree) and test stale code. A tree built
/// from another folder is therefore started afresh (ccache makes that cheap); the same folder —
/// a bisection's clone, the canary's composed copy, the user's checkout — keeps it.
/// </summary>
public static class BuildTreeSource
{
    private const string StampName = ".realm-ci-source";

    /// <summary>Removes <paramref name="tree"/> when its stamp names another source; returns why, or null when it is kept (or absent).</summary>
    public static string? Prepare(string tree, string source)
    {
        var stamp = Path.Combine(tree, StampName);
        if (!Directory.Exists(tree)) return null;
        var built = File.Exists(stamp) ? File.ReadAllText(stamp).Trim() : null;
        if (built == source) return null;
        Directory.Delete(tree, recursive: true);
        return built is null
            ? $"build tree {tree} does not say which source it was built from: starting afresh"
            : $"build tree {tree} was built from {built}, not {source}: starting afresh (a reused tree would keep objects of files older there)";
    }

    /// <summary>Records <paramref name="source"/> in the tree (created if needed).</summary>
    public static void Record(string tree, string source)
    {
        Directory.CreateDirectory(tree);
        File.WriteAllText(Path.Combine(tree, StampName), source + "\n");
    }
}
