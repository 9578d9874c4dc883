namespace RealmCi.Release;

/// <summary><c>manifest.json</c>: what a release holds and where each binary came from.</summary>
public sealed record ReleaseManifest(
    string Project,
    string Tag,
    string Commit,
    string Version,
    DateTimeOffset CommitTime,
    ReleaseFile Source,
    IReadOnlyList<ManifestArtifact> Artifacts,
    IReadOnlyList<MissingBinary> Missing);

/// <summary>A file of the release with its size and SHA-256.</summary>
public sealed record ReleaseFile(string File, long Size, string Sha256);

/// <summary>One binary: the archive, its SBOM, and everything that made it.</summary>
public sealed record ManifestArtifact(
    string File,
    long Size,
    string Sha256,
    string Sbom,
    string Configuration,
    IReadOnlyDictionary<string, string> Axes,
    IReadOnlyDictionary<string, string> Cmake,
    ManifestImage Image,
    ManifestToolchain Toolchain,
    ManifestTests Tests,
    string Consumer);

/// <summary>The image a binary was built in: its content-addressed tag and the SHA-256 of its recipe (the Dockerfile).</summary>
public sealed record ManifestImage(string Tag, string RecipeSha256, string Base, string Distribution);

/// <summary>Compiler and key library versions, as read from the image.</summary>
public sealed record ManifestToolchain(string Compiler, IReadOnlyDictionary<string, string> Packages);

public sealed record ManifestTests(int Passed, int Failed, int Skipped);

/// <summary>A selected configuration with no binary in the release, and whether --allow-missing covered it.</summary>
public sealed record MissingBinary(string Configuration, string Reason, bool Allowed);
