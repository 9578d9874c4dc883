using System.Security.Cryptography;
using System.Text;
using RealmCi.Containers;

namespace RealmCi.Caching;

/// <summary>
/// A hash of the source tree's content: a clean git checkout's tree id (instant), else the
/// content of every tracked file (git), else of every file outside .git and build folders.
/// Times and owners do not count; content and paths do.
/// </summary>
public static class SourceFingerprint
{
    private static readonly string[] Skipped = [".git", "build", "artifacts", ".cache", "node_modules"];

    public static string Compute(string root, CancellationToken cancellation)
    {
        if (Directory.Exists(Path.Combine(root, ".git")) || File.Exists(Path.Combine(root, ".git")))
        {
            var status = Git(root, cancellation, "status", "--porcelain", "--untracked-files=no");
            if (status is "") return "git-tree:" + Git(root, cancellation, "rev-parse", "HEAD^{tree}")!.Trim();
            if (Git(root, cancellation, "ls-files", "-z") is { } tracked)
                return "git-files:" + HashFiles(root, tracked.Split('\0', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal), cancellation);
        }
        return "files:" + HashFiles(root, Walk(root).Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')).Order(StringComparer.Ordinal), cancellation);
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
            if (!info.Exists) { hash.AppendData("deleted\0"u8); continue; }
            using var stream = info.OpenRead();
            int n;
            while ((n = stream.Read(buffer)) > 0) hash.AppendData(buffer, 0, n);
            hash.AppendData("\0"u8);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string? Git(string root, CancellationToken cancellation, params string[] args)
    {
        var output = new StringBuilder();
        try
        {
            var code = Processes.RunAsync("git", ["-C", root, "-c", "safe.directory=*", .. args], null,
                (OutputLine line) => { if (!line.IsError) output.Append(line.Text).Append('\n'); }, cancellation).GetAwaiter().GetResult();
            return code == 0 ? output.ToString().TrimEnd('\n') : null;
        }
        catch (Errors.RealmCiException) { return null; } // git is not installed
    }
}
