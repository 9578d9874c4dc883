namespace RealmCi.Matrix;

/// <summary>
/// A source archive the image build needs (GASNet-EX, UCC…), declared once under the matrix
/// file's <c>sources</c> with where it comes from and its pinned SHA-256. realm-ci fetches it
/// into a host cache (or takes it from a supplied folder) and the image build copies it in,
/// so the build itself needs only the package mirror. In the image it is
/// <see cref="ImagePath"/>.
/// </summary>
public sealed record DeclaredSource(string Name, Uri Url, string Sha256, string File, SourceSpan Where)
{
    /// <summary>The folder of the image where declared sources are copied.</summary>
    public const string ImageFolder = "/sources";

    /// <summary>Where a <c>run</c> line finds the archive: <c>/sources/FILE</c>.</summary>
    public string ImagePath => $"{ImageFolder}/{File}";
}
