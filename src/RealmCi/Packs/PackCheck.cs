using RealmCi.Results;
namespace RealmCi.Packs;

/// <summary>
/// Whether a pack fits the run that wants to test from it: the same configuration, image
/// recipe, source and realm-ci. The first difference is one line naming what differs.
/// </summary>
public static class PackCheck
{
    /// <summary>Null when <paramref name="pack"/> fits <paramref name="wanted"/>; else the line that says what differs.</summary>
    public static string? Difference(string file, PackManifest pack, PackManifest wanted)
    {
        if (pack.Format != PackManifest.CurrentFormat)
            return $"{file}: pack format {pack.Format}, this realm-ci reads format {PackManifest.CurrentFormat}: rebuild the pack";
        if (pack.ConfigurationId != wanted.ConfigurationId)
            return $"{file}: the pack is for configuration {pack.ConfigurationId}, not {wanted.ConfigurationId}";
        if (pack.RecipeHash != wanted.RecipeHash)
            return $"{file}: the pack was built in another image recipe (recipe {Short(pack.RecipeHash)}, {wanted.ConfigurationId}'s is now {Short(wanted.RecipeHash)}: its base, packages or run lines changed)";
        if (pack.ConfigurationHash != wanted.ConfigurationHash)
            return $"{file}: the pack's configuration {pack.ConfigurationId} was resolved differently (configuration hash {Short(pack.ConfigurationHash)}, now {Short(wanted.ConfigurationHash)}: the matrix, --define or --env changed)";
        if (pack.SourceFingerprint != wanted.SourceFingerprint || pack.SourceSubdir != wanted.SourceSubdir)
            return $"{file}: the pack was built from another source ({pack.SourceFingerprint} {pack.SourceSubdir ?? "."}, this one is {wanted.SourceFingerprint} {wanted.SourceSubdir ?? "."})";
        if (pack.RealmCiVersion != wanted.RealmCiVersion)
            return $"{file}: the pack was made by realm-ci {pack.RealmCiVersion}, this is {wanted.RealmCiVersion}";
        return null;
    }

    /// <summary>Null when the tree can run here: built by the same executor at the same paths (CMake embeds them).</summary>
    public static string? LayoutDifference(string file, PackManifest pack, ExecutorKind executor, PackLayout layout)
    {
        if (pack.Executor != executor)
            return $"{file}: the pack was built with the {pack.Executor.Name()} executor, this run uses {executor.Name()} (pass --executor={pack.Executor.Name()})";
        if (pack.Layout != layout)
            return $"{file}: the pack's build tree was at {pack.Layout.Build} (source {pack.Layout.Source}), here it would be at {layout.Build} (source {layout.Source})";
        return null;
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
