using System.Security.Cryptography;
using System.Text;

namespace RealmCi.Caching;

/// <summary>
/// A hash of the source tree the build sees. In a git checkout: the tree id when nothing is
/// modified, added or deleted (instant); otherwise the paths and content of every file the build
/// can see — tracked or untracked-but-not-ignored (<c>git ls-files -co --exclude-standard</c>),
/// with deleted tracked files counted as deleted; then what the build reads from git, the commit
/// and <c>git describe</c> (<see cref="VersionInputsAsync"/>). Outside git: every file outside .git and build
/// folders. Times and owners do not count; content and paths do.
/// </summary>
public static class SourceFingerprint
{
    private static readonly string[] Skipped = [".git", "build", "artifacts", ".cache", "node_modules"];

    public static async Task<string> ComputeAsync(string root, CancellationToken cancellation)
    {
        if (Directory.Exists(Path.Combine(root, ".git")) || File.Exists(Path.Combine(root, ".git")))
        {
            // Untracked files count (they are not ignored, so CMake may glob or list them): "clean" means none of those either.
            var status = await GitAsync(root, cancellation, "status", "--porcelain", "--untracked-files=all");
            var version = await VersionInputsAsync(root, cancellation);
            if (status is "") return "git-tree:" + (await GitAsync(root, cancellation, "rev-parse", "HEAD^{tree}"))!.Trim() + version;
            if (await GitAsync(root, cancellation, "ls-files", "-z", "--cached", "--others", "--exclude-standard") is { } visible)
            {
                var paths = visible.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct().Order(StringComparer.Ordinal);
                return "git-files:" + HashFiles(root, paths, cancellation) + version;
            }
        }
        return "files:" + HashFiles(root, Walk(root).Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')).Order(StringComparer.Ordinal), cancellation);
    }

    /// <summary>
    /// What the build reads from git besides the files: the commit and <c>git describe</c> (Realm
    /// embeds both in its version), e.g. <c> commit 528e1d2… describe v25.11.0-1-g528e1d2…</c>.
    /// One tree reached by a tagged and an untagged commit, or before and after a tag was fetched,
    /// gives two versions, so two keys.
    /// </summary>
    private static async Task<string> VersionInputsAsync(string root, CancellationToken cancellation)
    {
        var commit = await GitAsync(root, cancellation, "rev-parse", "HEAD") ?? "none";
        var describe = await GitAsync(root, cancellation, "describe", "--tags", "--long", "--always", "--abbrev=40") ?? "none";
        return $" commit {commit.Trim()} describe {describe.Trim()}";
    }

    private static IEnumerable<string> Walk(string dir)
    {
        foreach (var file in Directory.EnumerateFiles(dir)) yield return file;
        foreach (var sub in Directory.EnumerateDirectories(dir))
        {
            if (Skipped.Contains(Path.GetFileName(sub)) || new FileInfo(sub).LinkTarget is not null) continue;
            foreach (var file in Walk(sub)) yield return file;
        }
    }

    private static string HashFiles(string root, IEnumerable<string> relativePaths, CancellationToken cancellation)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var relative in relativePaths)
        {
            cancellation.ThrowIfCancellationRequested();
            var path = Path.Combine(root, relative);
            hash.AppendData(Encoding.UTF8.GetBytes(relative + "\0"));
            var info = new FileInfo(path);
            if (info.LinkTarget is { } target) { hash.AppendData(Encoding.UTF8.GetBytes("->" + target + "\0")); continue; }
            if (!info.Exists) { hash.AppendData(Directory.Exists(path) ? "dir\0"u8 : "deleted\0"u8); continue; }
            using var stream = info.OpenRead();
            int n;
            while ((n = stream.Read(buffer)) > 0) hash.AppendData(buffer, 0, n);
            hash.AppendData("\0"u8);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>git's standard output, or null when git is missing or fails (then the files are walked).</summary>
    private static async Task<string?> GitAsync(string root, CancellationToken cancellation, params string[] args)
    {
        try
        {
            var run = await Processes.CaptureAsync("git", ["--no-optional-locks", "-C", root, "-c", "safe.directory=*", "-c", "core.quotepath=off", .. args], cancellation);
            return run.ExitCode == 0 ? run.Stdout.TrimEnd('\n') : null;
        }
        catch (Errors.RealmCiException) { return null; } // git is not installed
    }
}
