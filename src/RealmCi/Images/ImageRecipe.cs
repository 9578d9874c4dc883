using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using RealmCi.Matrix;

namespace RealmCi.Images;

/// <summary>
/// What a configuration's image is made of: a base, distribution packages and extra commands.
/// Environment variables are not part of it — they are set per step — so configurations that
/// differ only in settings (sanitizer options, CMake definitions) share one image.
/// </summary>
public sealed record ImageRecipe(BaseImage Base, ImmutableArray<string> Packages, ImmutableArray<string> Run)
{
    public static ImageRecipe For(BuildConfiguration configuration) => new(
        configuration.Base,
        [.. configuration.Settings.Packages.Distinct().Order(StringComparer.Ordinal)],
        configuration.Settings.Run)
    {
        Sources = [.. configuration.Sources.OrderBy(s => s.Name, StringComparer.Ordinal)],
    };

    /// <summary>
    /// Declared source archives copied into the image (at <see cref="DeclaredSource.ImagePath"/>) before
    /// the <c>run</c> lines, so those lines need no internet. Their checksums are in the Dockerfile,
    /// so the tag changes when a pinned archive does.
    /// </summary>
    public ImmutableArray<DeclaredSource> Sources { get; init; } = [];

    /// <summary>Where a source archive sits in the image build's context.</summary>
    public static string ContextPath(DeclaredSource source) => $"sources/{source.File}";

    /// <summary>The Dockerfile, FROM the resolved base reference. Readable, one package a line.</summary>
    public string Render(string from)
    {
        var text = new StringBuilder();
        text.Append("# realm-ci image for base '").Append(Base.Name).Append("'. The tag is a hash of this recipe.\n");
        text.Append("FROM ").Append(from).Append('\n');
        text.Append("ARG DEBIAN_FRONTEND=noninteractive\n");
        text.Append("ENV LANG=C.UTF-8 CCACHE_DIR=/ccache\n");
        if (!Packages.IsEmpty)
        {
            text.Append("RUN apt-get update \\\n && apt-get install -y --no-install-recommends \\\n");
            foreach (var package in Packages) text.Append("      ").Append(package).Append(" \\\n");
            text.Append(" && rm -rf /var/lib/apt/lists/*\n");
        }
        foreach (var source in Sources)
        {
            text.Append("# source '").Append(source.Name).Append("' from ").Append(source.Url).Append(", sha256 ").Append(source.Sha256).Append('\n');
            text.Append("COPY ").Append(ContextPath(source)).Append(' ').Append(source.ImagePath).Append('\n');
        }
        foreach (var line in Run) text.Append("RUN ").Append(line.ReplaceLineEndings(" ")).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// The content-addressed tag: a hash of the Dockerfile with FROM naming the base image's id,
    /// so a changed base (a new bootstrap, a new pull) makes a new tag too.
    /// </summary>
    public string Tag(string baseImageId) => $"realm-ci/{Base.Name}:{Hash(Render(baseImageId))[..16]}";

    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
