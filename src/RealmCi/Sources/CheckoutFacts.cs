using RealmCi.Execution;

namespace RealmCi.Sources;

/// <summary>
/// What a checkout tells the project's CMake about its version, read the way the CMake reads it:
/// whether the project folder is in a git work tree, whether that clone is shallow, the nearest
/// tag (<c>git describe --tags --abbrev=0</c>) and whether HEAD is exactly on it, the version
/// file's text and the CMakeLists.txt's text (null when absent). Read-only: nothing is written.
/// </summary>
public sealed record CheckoutFacts(bool IsGit, bool Shallow, string? NearestTag, bool OnNearestTag, string? VersionFile, string? CmakeLists)
{
    /// <summary>The facts, or null when git cannot run here (then nothing can be told about the checkout).</summary>
    public static async Task<CheckoutFacts?> ReadAsync(string project, string? versionFile, CancellationToken cancellation)
    {
        if (await GitAsync(project, cancellation, "--version") is null) return null;
        string? Read(string? name) => name is not null && File.Exists(Path.Combine(project, name)) ? File.ReadAllText(Path.Combine(project, name)) : null;
        var (file, cmake) = (Read(versionFile), Read("CMakeLists.txt"));
        if (await GitAsync(project, cancellation, "rev-parse", "--is-inside-work-tree") != "true") return new(false, false, null, false, file, cmake);
        var shallow = await GitAsync(project, cancellation, "rev-parse", "--is-shallow-repository") == "true";
        var tag = await GitAsync(project, cancellation, "describe", "--tags", "--abbrev=0");
        var on = tag is not null && await GitAsync(project, cancellation, "rev-parse", "HEAD") is { } head
            && await GitAsync(project, cancellation, "rev-parse", $"refs/tags/{tag}^{{commit}}") == head;
        return new(true, shallow, tag, on, file, cmake);
    }

    /// <summary>git's trimmed standard output, or null when it fails (or git is missing).</summary>
    private static async Task<string?> GitAsync(string folder, CancellationToken cancellation, params string[] args)
    {
        try
        {
            var run = await Processes.CaptureAsync("git", ["--no-optional-locks", "-C", folder, "-c", "safe.directory=*", .. args], cancellation);
            return run.ExitCode == 0 ? run.Stdout.Trim() : null;
        }
        catch (Errors.RealmCiException) { return null; }
    }
}
