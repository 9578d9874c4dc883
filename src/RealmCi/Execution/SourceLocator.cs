using RealmCi.Errors;

namespace RealmCi.Execution;

/// <summary>Where the Realm source is, and which folder in it holds the CMake project.</summary>
public sealed record SourceTree(string Root, string? Subdir, string Origin);

/// <summary>
/// Finds the source: the path given (--realm-source, REALM_SOURCE, cake.config), else a
/// shallow single-branch clone of the official repository into the cache folder. A checkout of
/// Legion works too: its <c>realm/</c> folder is the CMake project (and reads <c>../runtime</c>).
/// </summary>
public static class SourceLocator
{
    public const string DefaultRepository = "https://github.com/StanfordLegion/realm.git";

    public static SourceTree Resolve(string? given, string cache, string repository, string gitRef, Action<string> log, CancellationToken cancellation)
    {
        if (given is not null) return Inspect(Path.GetFullPath(given), "given");

        var target = Path.Combine(cache, "realm-src", gitRef.Replace('/', '_'));
        if (Directory.Exists(Path.Combine(target, ".git"))) return Inspect(target, $"cached clone of {repository} ({gitRef})");

        log($"cloning {repository} ({gitRef}) into {target}");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var errors = new List<string>();
        int code;
        try
        {
            code = Processes.RunAsync("git", ["clone", "--depth", "1", "--single-branch", "--branch", gitRef, repository, target], null,
                line => { if (line.IsError) errors.Add(line.Text); }, cancellation).GetAwaiter().GetResult();
        }
        catch (RealmCiException) { code = -1; errors.Add("git is not installed"); }
        if (code != 0)
        {
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            var why = errors.LastOrDefault(e => e.Trim().Length > 0) ?? $"exit code {code}";
            throw new RealmCiException($"could not clone {repository} ({gitRef}): {why.Trim()}. Offline? Pass --realm-source=PATH to a Realm checkout " +
                "(or set REALM_SOURCE, or RealmSource in the [RealmCi] section of cake.config)", ExitCodes.Unavailable);
        }
        return Inspect(target, $"clone of {repository} ({gitRef})");
    }

    /// <summary>
    /// The CMake project to build: the checkout itself when its top-level project is Realm (or
    /// it has no <c>realm/</c> project), else its <c>realm/</c> folder — Legion's layout, whose
    /// top level builds Legion. The whole checkout is mounted, since Legion's <c>realm/</c>
    /// reads sources from <c>../runtime</c>.
    /// </summary>
    internal static SourceTree Inspect(string root, string origin)
    {
        if (!Directory.Exists(root))
            throw new RealmCiException($"--realm-source={root}: no such folder");
        var top = Path.Combine(root, "CMakeLists.txt");
        var nested = File.Exists(Path.Combine(root, "realm", "CMakeLists.txt"));
        if (File.Exists(top) && (!nested || IsRealmProject(top))) return new(root, null, origin);
        if (nested) return new(root, "realm", origin);
        throw new RealmCiException($"--realm-source={root}: no CMakeLists.txt there or in {Path.Combine(root, "realm")}; point it at a Realm checkout");
    }

    private static bool IsRealmProject(string cmakeLists) =>
        System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(cmakeLists), @"^\s*project\s*\(\s*Realm\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Multiline);
}
