using System.Collections.Immutable;
using RealmCi.Matrix;

namespace RealmCi.Downstream;

/// <summary>
/// A project built against the Realm under test (the matrix file's <c>downstreams:</c> section;
/// format in matrix/README.md): where its source comes from (<see cref="Repository"/> at the pinned
/// <see cref="Ref"/>, or <c>--downstream-source=NAME=PATH</c>), the patches applied to its copy,
/// how the Realm under test enters it (<see cref="Compose"/>), its CMake definitions, and which of
/// its tests run. Pure data: nothing about any particular downstream lives in code.
/// </summary>
public sealed record DownstreamProject(string Name, string? Repository, string Ref, Composition Compose, SourceSpan Where)
{
    public string? Description { get; init; }

    public ImmutableArray<PatchSource> Patches { get; init; } = [];

    /// <summary>The downstream's own definitions; they win over the configuration's.</summary>
    public ImmutableSortedDictionary<string, string> Cmake { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Globs of the configuration's CMake definitions that carry over (build type, compilers…); default: none.</summary>
    public ImmutableArray<string> InheritCmake { get; init; } = [];

    /// <summary>Targets to build (empty: all).</summary>
    public ImmutableArray<string> Targets { get; init; } = [];

    public DownstreamTests Tests { get; init; } = DownstreamTests.Everything;
}

/// <summary>Patch files to apply to the downstream's copy: a glob relative to the Realm under test (Realm carries Legion's) or to the matrix file's folder.</summary>
public sealed record PatchSource(PatchOrigin From, string Glob);

public enum PatchOrigin { Realm, MatrixFolder }

/// <summary>
/// Which of the downstream's ctest tests run: labels (<c>-L</c>/<c>-LE</c>), regular expressions (<c>-R</c>/<c>-E</c>), the per-test timeout;
/// and the downstream's copies of Realm's own tests (<see cref="RealmsOwn"/>), run apart.
/// </summary>
public sealed record DownstreamTests(ImmutableArray<string> Labels, ImmutableArray<string> ExcludeLabels, string? Regex, string? ExcludeRegex, int? Timeout)
{
    public static readonly DownstreamTests Everything = new([], [], null, null, null);

    /// <summary><c>realms-own-tests:</c> left out of the downstream's selection and run as a selection of their own.</summary>
    public RealmsOwnTests? RealmsOwn { get; init; }
}
