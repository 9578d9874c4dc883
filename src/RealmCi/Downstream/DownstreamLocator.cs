using RealmCi.Layout;
using RealmCi.Errors;

namespace RealmCi.Downstream;

/// <summary>Where a downstream's source is: a folder (git or not), or why there is none.</summary>
public sealed record DownstreamSource(string? Root, bool IsGit, string? Unavailable)
{
    public static DownstreamSource Missing(string why) => new(null, false, why);
}

/// <summary>
/// Finds a downstream's source: <c>--downstream-source=NAME=PATH</c> (a checkout or a bare
/// repository holding the pinned ref, or a plain folder), else a bare clone of its repository in
/// the cache (fetched again each run). Offline with neither, it is unavailable, and the reason
/// says what to supply. A given path that does not exist is a user error (exit 2).
/// </summary>
public static class DownstreamLocator
{
    public static async Task<DownstreamSource> LocateAsync(DownstreamProject d, string? given, string cache, Action<string> log, CancellationToken cancellation)
    {
        var supply = $"supply --downstream-source={d.Name}=PATH (a checkout of {d.Repository ?? d.Name} holding {d.Ref})";
        if (given is not null)
        {
            var path = Path.GetFullPath(given);
            if (!Directory.Exists(path)) throw new RealmCiException($"--downstream-source={d.Name}={given}: no such folder", ExitCodes.InvalidInput);
            return new DownstreamSource(path, await IsGitAsync(path, cancellation), null);
        }
        if (d.Repository is null) return DownstreamSource.Missing($"{d.Name}: the matrix names no repository; {supply}");
        var clone = Path.Combine(new CacheLayout(cache).Downstreams, d.Name + ".git");
        var result = Directory.Exists(clone)
            ? await Processes.CaptureAsync("git", ["-C", clone, "fetch", "--tags", "--force", "origin", d.Ref], cancellation)
            : await Processes.CaptureAsync("git", ["clone", "--bare", "--quiet", d.Repository, clone], cancellation);
        if (result.ExitCode == 0)
        {
            log($"{d.Name}: source {clone} ({d.Repository})");
            return new DownstreamSource(clone, true, null);
        }
        if (!await IsGitAsync(clone, cancellation) && Directory.Exists(clone)) Directory.Delete(clone, recursive: true);
        return DownstreamSource.Missing($"{d.Name}: cannot clone {d.Repository} ({result.LastError}); {supply}");
    }

    /// <summary>A repository whose top (or bare git folder) is <paramref name="path"/> itself: a plain folder inside another repository is not one.</summary>
    private static async Task<bool> IsGitAsync(string path, CancellationToken cancellation)
    {
        if (!Directory.Exists(path)) return false;
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var bare = await Processes.CaptureAsync("git", ["-C", path, "rev-parse", "--is-bare-repository", "--absolute-git-dir"], cancellation);
        if (bare.ExitCode != 0) return false;
        var lines = bare.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines[0] == "true") return Path.TrimEndingDirectorySeparator(lines[1]) == full;
        var top = await Processes.CaptureAsync("git", ["-C", path, "rev-parse", "--show-toplevel"], cancellation);
        return top.ExitCode == 0 && Path.TrimEndingDirectorySeparator(top.Stdout.Trim()) == full;
    }
}
