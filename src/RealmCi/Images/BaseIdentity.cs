using RealmCi.Matrix;

namespace RealmCi.Images;

/// <summary>
/// A base is identified by its full recipe — name, image, package manager and bootstrap
/// settings — not by its name or image name: two bases that share <c>debian:bookworm</c> but
/// bootstrap different components are different bases, with different tags.
/// </summary>
public static class BaseIdentity
{
    /// <summary>A hash of the base's whole recipe.</summary>
    public static string Of(BaseImage b)
    {
        var bootstrap = b.Bootstrap is { } s ? $"{s.Suite}|{s.Mirror}|{s.Variant}|{string.Join(",", s.Components)}" : "-";
        return ImageRecipe.Hash($"base 1\n{b.Name}\n{b.Image}\n{b.PackageManager}\n{bootstrap}\n");
    }

    /// <summary>The tag of a base made by bootstrapping: <c>realm-ci/base-NAME:HASH</c>, HASH of the whole recipe.</summary>
    public static string BootstrapTag(BaseImage b) => $"realm-ci/base-{b.Name}:{Of(b)[..12]}";

    /// <summary>
    /// Whether the image name (as the engine has it, or a pull) can stand for this base: yes
    /// without a bootstrap section; with one, only when it asks for no more than debootstrap's
    /// default component (<c>main</c>), which is what a distribution's registry image holds.
    /// A base bootstrapping more (contrib, non-free, …) is only ever its own bootstrapped image.
    /// </summary>
    public static bool ImageNameStandsForIt(BaseImage b) => b.Bootstrap is not { } s || s.Components.All(c => c == "main");
}
