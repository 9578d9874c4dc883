using System.Text.RegularExpressions;
using RealmCi.Errors;
using RealmCi.Matrix;
using RealmCi.Sources;

namespace RealmCi.Execution;

/// <summary>Where the source is, and which folder in it holds the CMake project.</summary>
public sealed record SourceTree(string Root, string? Subdir, string Origin);

/// <summary>
/// Finds the source: the path given (--realm-source, REALM_SOURCE, cake.config), else realm-ci's
/// own clone of the repository (the matrix file's <c>source</c> section, or --realm-repository)
/// in the cache folder, refreshed when the ref moved (<see cref="GitClone"/>). Which folder of a
/// checkout is the CMake project comes from the same section (<see cref="ProjectSource"/>): e.g.
/// a Legion checkout's <c>realm/</c>, which reads <c>../runtime</c>, so the whole checkout is
/// mounted. A checkout that cannot give the project its version is refused here, before any configure.
/// </summary>
public static class SourceLocator
{
    public static async Task<SourceTree> ResolveAsync(string? given, string cache, string? repository, string gitRef, ProjectSource project,
        Action<string> log, CancellationToken cancellation)
    {
        if (given is not null) return await CheckedAsync(Inspect(Path.GetFullPath(given), "given", project), project, "--realm-source=", cancellation);
        if (repository is null)
            throw new RealmCiException("no source: pass --realm-source=PATH (or set REALM_SOURCE, or RealmSource in cake.config); the matrix file's 'source' section names no repository to clone");

        var target = GitClone.FolderOf(cache, gitRef);
        await GitClone.CloneOrRefreshAsync(target, repository, gitRef, log, cancellation);
        return await CheckedAsync(Inspect(target, $"clone of {repository} ({gitRef})", project), project, $"the clone of {repository} ({gitRef}) in ", cancellation);
    }

    /// <summary>
    /// Refuses, before anything is configured, a checkout that cannot give the project its
    /// version by the matrix file's <c>source.version</c> rules (<see cref="VersionCheck"/>): one
    /// line with the fixing command, exit 2. Reads the checkout only.
    /// </summary>
    private static async Task<SourceTree> CheckedAsync(SourceTree tree, ProjectSource project, string prefix, CancellationToken cancellation)
    {
        if (project.Version is not { } rules) return tree;
        var folder = tree.Subdir is null ? tree.Root : Path.Combine(tree.Root, tree.Subdir);
        if (await CheckoutFacts.ReadAsync(folder, rules.File, cancellation) is not { } facts) return tree; // no git here: the build will tell
        if (VersionCheck.Problem(rules, facts, tree.Root, tree.Subdir ?? "") is { } problem)
            throw new RealmCiException(prefix + problem, ExitCodes.InvalidInput);
        return tree;
    }

    /// <summary>
    /// The CMake project to build: the checkout itself when its top-level CMakeLists.txt matches
    /// the project pattern (or none of the project's subfolders has a CMakeLists.txt, or there is
    /// no pattern), else the first such subfolder.
    /// </summary>
    /// <summary>The CMake project's folder in a given checkout (its top, or Legion's realm/), without the version check: for reading facts.</summary>
    public static string ProjectFolder(string given, ProjectSource project) =>
        Inspect(Path.GetFullPath(given), "given", project) is { Subdir: { } sub } tree ? Path.Combine(tree.Root, sub) : Path.GetFullPath(given);

    internal static SourceTree Inspect(string root, string origin, ProjectSource project)
    {
        if (!Directory.Exists(root))
            throw new RealmCiException($"--realm-source={root}: no such folder");
        var top = Path.Combine(root, "CMakeLists.txt");
        var nested = project.Subdirs.FirstOrDefault(d => File.Exists(Path.Combine(root, d, "CMakeLists.txt")));
        if (File.Exists(top) && (nested is null || project.ProjectPattern is null || IsTheProject(top, project.ProjectPattern))) return new(root, null, origin);
        if (nested is not null) return new(root, nested, origin);
        var where = project.Subdirs.IsDefaultOrEmpty ? "" : " or in " + string.Join(", ", project.Subdirs.Select(d => Path.Combine(root, d)));
        throw new RealmCiException($"--realm-source={root}: no CMakeLists.txt there{where}; point it at a checkout of the project");
    }

    private static bool IsTheProject(string cmakeLists, string pattern) =>
        Regex.IsMatch(File.ReadAllText(cmakeLists), pattern, RegexOptions.IgnoreCase | RegexOptions.Multiline, TimeSpan.FromSeconds(1));
}
