using RealmCi.Results;
using RealmCi.Caching;
using RealmCi.Images;
using RealmCi.Matrix;

namespace RealmCi.Packs;

/// <summary>
/// The identities a pack is keyed on, computed from the configuration alone, so a build runner
/// and a test runner compute the same ones without sharing an engine.
/// </summary>
public static class PackKeys
{
    /// <summary>A hash of the configuration's canonical resolved form (the result cache's, <see cref="CacheKey"/>).</summary>
    public static string Configuration(BuildConfiguration c) => ImageRecipe.Hash("configuration " + CacheKey.Format + "\n" + CacheKey.Canonical(c));

    /// <summary>
    /// A hash of the image's Dockerfile with FROM naming the base's RECIPE identity
    /// (<see cref="BaseIdentity.Of"/>), not the engine's image id: a base bootstrapped on
    /// another runner has another id but the same recipe.
    /// </summary>
    public static string Recipe(BuildConfiguration c) => ImageRecipe.Hash(ImageRecipe.For(c).Render("base-recipe:" + BaseIdentity.Of(c.Base)));

    /// <summary>The manifest a pack of <paramref name="c"/> built from this source, with this layout, would carry.</summary>
    public static PackManifest Expected(BuildConfiguration c, string sourceFingerprint, string? sourceSubdir, ExecutorKind executor, PackLayout layout) => new()
    {
        ConfigurationId = c.Id,
        ConfigurationHash = Configuration(c),
        RecipeHash = Recipe(c),
        SourceFingerprint = sourceFingerprint,
        SourceSubdir = sourceSubdir,
        RealmCiVersion = CacheKey.PipelineVersion,
        Executor = executor,
        Layout = layout,
    };
}
