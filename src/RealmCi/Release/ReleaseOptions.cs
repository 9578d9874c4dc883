using System.Collections.Immutable;

namespace RealmCi.Release;

/// <summary>What the Release target was asked for.</summary>
public sealed record ReleaseOptions
{
    /// <summary>The tag to release.</summary>
    public required string Tag { get; init; }

    /// <summary>The git checkout holding the tag.</summary>
    public required string Repository { get; init; }

    /// <summary>The project name in file names (the matrix's <c>project</c>).</summary>
    public required string Project { get; init; }

    /// <summary>The matrix file's <c>source</c> section: where the CMake project is and what a source package holds.</summary>
    public Matrix.ProjectSource Source { get; init; } = Matrix.ProjectSource.None;

    /// <summary>The downstream CMake project every binary must serve.</summary>
    public required string Consumer { get; init; }

    /// <summary>Print the plan, build nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Overwrite an existing release folder.</summary>
    public bool Replace { get; init; }

    /// <summary>Configurations (Id globs) whose binary may be missing without failing the release.</summary>
    public ImmutableArray<string> AllowMissing { get; init; } = [];
}
