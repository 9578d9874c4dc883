using RealmCi.Matrix;

namespace RealmCi.Release;

/// <summary>
/// Which part of a repository a source package holds, and where the CMake project (and so its
/// <c>VERSION</c> file) sits in it. A standalone project is the whole tree at its root. A project
/// in a subdir of a larger tree (Realm in Legion's <c>realm/</c>) holds the paths the matrix
/// file's <c>source.package-paths</c> lists for that subdir: the knowledge is the matrix's.
/// </summary>
public sealed record SourceLayout(string Name, string? Subdir, IReadOnlyList<string>? Paths)
{
    public static readonly SourceLayout Standalone = new("standalone", null, null);

    /// <summary>Where the VERSION file goes: beside the CMake project's CMakeLists.txt.</summary>
    public string VersionFile => Subdir is null ? "VERSION" : $"{Subdir}/VERSION";

    /// <summary>
    /// The layout of a tree, from its file list and top-level CMakeLists.txt, by the rule the
    /// pipeline's source detection uses (<see cref="ProjectSource.ProjectSubdir"/>).
    /// </summary>
    public static SourceLayout Detect(IReadOnlyCollection<string> files, string? topCMakeLists, ProjectSource project) =>
        project.ProjectSubdir(files.Contains, topCMakeLists) is { } subdir
            ? new($"{subdir}/ of a larger tree", subdir, project.PackagePaths.TryGetValue(subdir, out var paths) ? paths : null)
            : Standalone;

    public bool Holds(string path) =>
        Paths is null || Paths.Any(p => path == p || path.StartsWith(p + "/", StringComparison.Ordinal));
}
