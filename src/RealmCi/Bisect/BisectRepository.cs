using RealmCi.Errors;

namespace RealmCi.Bisect;

/// <summary>
/// The git side of a bisection, in a clone of the user's checkout: the user's repository is only
/// read (rev-parse), never its index, work tree or <c>.git</c>. The clone is a plain local clone
/// (hard-linked objects where the file system allows), not <c>--shared</c> and not a worktree:
/// both point outside the clone (alternates, a <c>.git</c> file), which the build container,
/// given only the clone, cannot follow — and Realm's CMake runs <c>git describe</c> there.
/// </summary>
public sealed class BisectRepository(string clone)
{
    public string Path { get; } = clone;

    /// <summary>Clones <paramref name="source"/> afresh into <paramref name="clone"/> (tags included: Realm's version needs them).</summary>
    public static async Task<BisectRepository> CloneAsync(string source, string clone, CancellationToken cancellation)
    {
        if (Directory.Exists(clone)) Directory.Delete(clone, recursive: true);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(clone)!);
        var r = await Processes.CaptureAsync("git", ["clone", "--quiet", "--no-checkout", source, clone], cancellation);
        if (r.ExitCode != 0) throw new RealmCiException($"could not clone {source} for the bisection: {r.LastError}", ExitCodes.Unavailable);
        return new BisectRepository(clone);
    }

    /// <summary>The commit a ref names in <paramref name="repository"/>, read only; an unknown ref is bad input.</summary>
    public static async Task<string> ResolveAsync(string repository, string reference, string option, CancellationToken cancellation)
    {
        var r = await Processes.CaptureAsync("git", ["-C", repository, "rev-parse", "--verify", "--quiet", reference + "^{commit}"], cancellation);
        if (r.ExitCode != 0) throw new RealmCiException($"{option}={reference}: not a commit in {repository}");
        return r.Stdout.Trim();
    }

    public async Task<string> GitAsync(CancellationToken cancellation, params string[] arguments)
    {
        var r = await Processes.CaptureAsync("git", ["-C", Path, .. arguments], cancellation);
        if (r.ExitCode != 0) throw new RealmCiException($"git {string.Join(' ', arguments)} failed in {Path}: {r.LastError}", ExitCodes.Failed);
        return r.Stdout;
    }

    public async Task<bool> IsAncestorAsync(string ancestor, string commit, CancellationToken cancellation) =>
        (await Processes.CaptureAsync("git", ["-C", Path, "merge-base", "--is-ancestor", ancestor, commit], cancellation)).ExitCode == 0;

    public async Task<int> CountAsync(string good, string bad, CancellationToken cancellation) =>
        int.Parse((await GitAsync(cancellation, "rev-list", "--count", $"{good}..{bad}")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    public async Task CheckoutAsync(string commit, CancellationToken cancellation) =>
        await GitAsync(cancellation, "checkout", "--quiet", "--force", "--detach", commit);

    public async Task<string> HeadAsync(CancellationToken cancellation) => (await GitAsync(cancellation, "rev-parse", "HEAD")).Trim();

    public async Task<string> SubjectAsync(string commit, CancellationToken cancellation) =>
        (await GitAsync(cancellation, "log", "-1", "--format=%s", commit)).Trim();

    /// <summary><c>git bisect start BAD GOOD</c>: checks out the first candidate.</summary>
    public Task<string> StartAsync(string bad, string good, CancellationToken cancellation) =>
        GitAsync(cancellation, "bisect", "start", bad, good);

    /// <summary><c>git bisect good|bad|skip</c>; returns what git printed (the next candidate, or the answer).</summary>
    /// (Git exits non-zero when only skipped commits are left; that is an answer, not an error.)
    public async Task<string> MarkAsync(Verdict verdict, CancellationToken cancellation)
    {
        var r = await Processes.CaptureAsync("git", ["-C", Path, "bisect", verdict.ToString().ToLowerInvariant()], cancellation);
        return r.Stdout + r.Stderr;
    }

    public Task<string> LogAsync(CancellationToken cancellation) => GitAsync(cancellation, "bisect", "log");
}
