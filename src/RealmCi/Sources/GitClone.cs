using RealmCi.Layout;
using RealmCi.Errors;
using RealmCi.Execution;

namespace RealmCi.Sources;

/// <summary>
/// realm-ci's own clone of the project (when no checkout is given): one branch (or tag), its
/// whole history and the tags in it, without file contents until checkout needs them
/// (<c>--filter=blob:none</c>) — the project's version comes from <c>git describe --tags</c>,
/// which a <c>--depth 1</c> clone cannot answer. A server that does not allow filters sends
/// everything (git warns "filtering not recognized by server"). A cached clone is refreshed:
/// the ref is fetched again and checked out when it moved ("from A to B"); offline, the cached
/// commit is built and the log says so. A shallow cached clone (older realm-ci) is cloned again.
/// </summary>
public static class GitClone
{
    public static readonly IReadOnlyList<string> CloneOptions = ["--filter=blob:none", "--single-branch"];

    /// <summary>Where the clone of <paramref name="gitRef"/> lives under the cache (one repository at a time: another URL is cloned again).</summary>
    public static string FolderOf(string cache, string gitRef) => Path.Combine(new CacheLayout(cache).Clones, gitRef.Replace('/', '_'));

    public static async Task CloneOrRefreshAsync(string target, string repository, string gitRef, Action<string> log, CancellationToken cancellation)
    {
        if (Directory.Exists(Path.Combine(target, ".git")))
        {
            var url = await GitAsync(target, cancellation, "config", "--get", "remote.origin.url");
            var shallow = await GitAsync(target, cancellation, "rev-parse", "--is-shallow-repository");
            if (url.ExitCode == 0 && url.Stdout.Trim() == repository && shallow.Stdout.Trim() == "false")
            {
                await RefreshAsync(target, repository, gitRef, log, cancellation);
                return;
            }
            log(shallow.Stdout.Trim() == "true"
                ? $"the cached clone {target} is shallow (it cannot give the version): cloning again"
                : $"the cached clone {target} is of {url.Stdout.Trim()}, not {repository}: cloning again");
            Directory.Delete(target, recursive: true);
        }
        await CloneAsync(target, repository, gitRef, log, cancellation);
    }

    private static async Task CloneAsync(string target, string repository, string gitRef, Action<string> log, CancellationToken cancellation)
    {
        log($"cloning {repository} ({gitRef}; history and tags, file contents on checkout) into {target}");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        ProcessOutput clone;
        try
        {
            clone = await Run(["clone", .. CloneOptions, "--branch", gitRef, repository, target], cancellation);
        }
        catch (OperationCanceledException)
        {
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            throw;
        }
        if (clone.ExitCode == 0) return;
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        throw new RealmCiException($"could not clone {repository} ({gitRef}): {clone.LastError}. Offline? Pass --realm-source=PATH to a checkout " +
            "(or set REALM_SOURCE, or RealmSource in the [RealmCi] section of cake.config)", ExitCodes.Unavailable);
    }

    private static async Task RefreshAsync(string target, string repository, string gitRef, Action<string> log, CancellationToken cancellation)
    {
        var before = (await GitAsync(target, cancellation, "rev-parse", "HEAD")).Stdout.Trim();
        var fetch = await GitAsync(target, cancellation, "fetch", "--quiet", "--tags", "--force", "origin", gitRef);
        if (fetch.ExitCode != 0)
        {
            log($"could not refresh the cached clone {target} ({fetch.LastError}): building its commit {Short(before)}");
            return;
        }
        var after = (await GitAsync(target, cancellation, "rev-parse", "FETCH_HEAD^{commit}")).Stdout.Trim();
        if (after == before || after.Length == 0)
        {
            log($"cached clone of {repository} ({gitRef}) is up to date at {Short(before)}");
            return;
        }
        var checkout = await GitAsync(target, cancellation, "checkout", "--quiet", "--force", "--detach", after);
        if (checkout.ExitCode != 0)
            throw new RealmCiException($"could not check out {Short(after)} in the cached clone {target}: {checkout.LastError}. Remove that folder to clone again", ExitCodes.Unavailable);
        log($"refreshed the cached clone of {repository} ({gitRef}) from {Short(before)} to {Short(after)}");
    }

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;

    private static Task<ProcessOutput> GitAsync(string folder, CancellationToken cancellation, params string[] args) =>
        Run(["-C", folder, .. args], cancellation);

    private static async Task<ProcessOutput> Run(IReadOnlyList<string> args, CancellationToken cancellation)
    {
        try { return await Processes.CaptureAsync("git", args, cancellation); }
        catch (RealmCiException) { return new ProcessOutput(-1, "", "git is not installed"); }
    }
}
