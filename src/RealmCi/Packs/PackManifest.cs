using RealmCi.Results;
namespace RealmCi.Packs;

/// <summary>
/// What a pack was made from, so a test run elsewhere can tell whether it fits: the
/// configuration (its Id and the hash of its canonical resolved form, the result cache's), the
/// image RECIPE (not the engine's image id: a base bootstrapped on another runner has another
/// id), the source the build saw, realm-ci's version, and where the build tree was as the
/// commands saw it (CMake embeds absolute paths, so the tests run at the same paths).
/// </summary>
public sealed record PackManifest
{
    /// <summary>Bump when the manifest or the archive changes shape.</summary>
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    public required string ConfigurationId { get; init; }

    public required string ConfigurationHash { get; init; }

    public required string RecipeHash { get; init; }

    public required string SourceFingerprint { get; init; }

    /// <summary>The CMake project's folder inside the source (Legion's <c>realm</c>), or null.</summary>
    public string? SourceSubdir { get; init; }

    public required string RealmCiVersion { get; init; }

    /// <summary>docker or host: the executor that built the tree.</summary>
    public required ExecutorKind Executor { get; init; }

    public required PackLayout Layout { get; init; }

    /// <summary>Files in the archive (the build tree's, without the manifest).</summary>
    public int Files { get; init; }
}

/// <summary>Paths as the build's commands saw them: the source (e.g. <c>/src</c>), the work folder (<c>/work</c>) and the build tree (<c>/work/build</c>).</summary>
public sealed record PackLayout(string Source, string Work, string Build);
