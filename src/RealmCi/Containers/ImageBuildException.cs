using RealmCi.Errors;

namespace RealmCi.Containers;

/// <summary>An image build failed (a package missing, a RUN line failing): a configuration failure, not a user error.</summary>
public sealed class ImageBuildException(string tag, string error)
    : RealmCiException(error.StartsWith("building image ", StringComparison.Ordinal) ? error : $"building image {tag} failed: {error}", ExitCodes.Failed)
{
    public string Tag { get; } = tag;

    /// <summary>The preparation's output up to the failure.</summary>
    public IReadOnlyList<string> Log { get; init; } = [];
}
