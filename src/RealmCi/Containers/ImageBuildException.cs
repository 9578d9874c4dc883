using RealmCi.Errors;

namespace RealmCi.Containers;

/// <summary>An image build failed (a package missing, a RUN line failing): a configuration failure, not a user error.</summary>
public sealed class ImageBuildException(string tag, string error)
    : RealmCiException($"building image {tag} failed: {error}", ExitCodes.Failed)
{
    public string Tag { get; } = tag;
}
