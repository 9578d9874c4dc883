using System.Text.RegularExpressions;
using RealmCi.Errors;
using RealmCi.Matrix;

namespace RealmCi.Execution;

/// <summary>Where the source is, and which folder in it holds the CMake project.</summary>
public sealed record SourceTree(string Root, string? Subdir, string Origin);

/// <summary>
/// Finds the source: the path given (--realm-source, REALM_SOURCE, cake.config), else a shallow
/// single-branch clone of the repository (the matrix file's <c>source</c> section, or
/// --realm-repository) into the cache folder. Which folder of a checkout is the CMake project
/// comes from the same section (<see cref="ProjectSource"/>): e.g. a Legion checkout's
/// <c>realm/</c>, which reads <c>../runtime</c>, so the whole checkout is mounted.
/// </summary>
public static class SourceLocator
{
    public static async Task<SourceTree> ResolveAsync(string? given, string cache, string? repository, string gitRef, ProjectSource project,
        Action<string> log, CancellationToken cancellation)
    {
        if (given is not null) return Inspect(Path.GetFullPath(given), "given", project);
        if (repository is null)
            throw new RealmCiException("no source: pass --realm-source=PATH (or set REALM_SOURCE, or RealmSource in cake.config); the matrix file's 'source' section names no repository to clone");

        var target = Path.Combine(cache, "realm-src", gitRef.Replace('/', '_'));
        if (Directory.Exists(Path.Combine(target, ".git"))) return Inspect(target, $"cached clone of {repository} ({gitRef})", project);

        log($"cloning {repository} ({gitRef}) into {target}");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        ProcessOutput clone;
        try
        {
            clone = await Processes.CaptureAsync("git", ["clone", "--depth", "1", "--single-branch", "--branch", gitRef, repository, target], cancellation);
        }
        catch (RealmCiException) { clone = new ProcessOutput(-1, "", "git is not installed"); }
        catch (OperationCanceledException)
        {
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            throw;
        }
        if (clone.ExitCode != 0)
        {
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            throw new RealmCiException($"could not clone {repository} ({gitRef}): {clone.LastError}. Offline? Pass --realm-source=PATH to a checkout " +
                "(or set REALM_SOURCE, or RealmSource in the [RealmCi] section of cake.config)", ExitCodes.Unavailable);
        }
        return Inspect(target, $"clone of {repository} ({gitRef})", project);
    }

    /// <summary>
    /// The CMake project to build: the checkout itself when its top-level CMakeLists.txt matches
    /// the project pattern (or none of the project's subfolders has a CMakeLists.txt, or there is
    /// no pattern), else the first such subfolder.
    /// </summary>
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
