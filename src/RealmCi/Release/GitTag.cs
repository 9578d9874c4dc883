using System.Globalization;
using System.Text;
using RealmCi.Errors;

namespace RealmCi.Release;

/// <summary>A tag resolved in a git repository: the commit it names and that commit's time.</summary>
public sealed record GitTag(string Name, string Commit, DateTimeOffset CommitTime)
{
    /// <summary>Resolves <paramref name="tag"/> in <paramref name="repository"/>; an unknown tag is invalid input (exit 2).</summary>
    public static async Task<GitTag> ResolveAsync(string repository, string tag, CancellationToken cancellation)
    {
        if (NameProblem(tag) is { } problem) throw new RealmCiException(problem);
        var (code, output) = await GitAsync(repository, cancellation, "rev-parse", "--verify", "--quiet", $"refs/tags/{tag}^{{commit}}");
        if (code != 0)
            throw new RealmCiException($"--tag={tag}: no such tag in {repository} (git tag --list shows the tags; a shallow clone may lack it)");
        var commit = output.Trim();
        var (_, time) = await GitAsync(repository, cancellation, "show", "-s", "--format=%ct", commit);
        var seconds = long.Parse(time.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
        return new GitTag(tag, commit, DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    /// <summary>
    /// Why <paramref name="tag"/> cannot name a git tag (git check-ref-format's rules), or null:
    /// checked before anything is cloned or locked.
    /// </summary>
    public static string? NameProblem(string tag)
    {
        var bad = tag.Length == 0 || tag.StartsWith('-') || tag.StartsWith('/') || tag.EndsWith('/') || tag.EndsWith('.')
            || tag.EndsWith(".lock", StringComparison.Ordinal) || tag.Contains("..", StringComparison.Ordinal) || tag.Contains("@{", StringComparison.Ordinal)
            || tag.Contains("//", StringComparison.Ordinal) || tag == "@" || tag.Split('/').Any(part => part.StartsWith('.'))
            || tag.Any(c => char.IsControl(c) || c is ' ' or '~' or '^' or ':' or '?' or '*' or '[' or '\\');
        return bad ? $"--tag={tag}: not a tag name (git check-ref-format)" : null;
    }

    /// <summary>The top folder of the git checkout holding <paramref name="folder"/> (git archive from a subfolder would export only that subfolder).</summary>
    public static async Task<string> TopLevelAsync(string folder, CancellationToken cancellation)
    {
        var (code, output) = await GitAsync(folder, cancellation, "rev-parse", "--show-toplevel");
        if (code != 0 || output.Trim().Length == 0)
            throw new RealmCiException($"--realm-source={folder}: not a git checkout (a release exports its tag from git)");
        return output.Trim();
    }

    internal static async Task<(int Code, string Stdout)> GitAsync(string repository, CancellationToken cancellation, params string[] args)
    {
        var output = new StringBuilder();
        try
        {
            var code = await Processes.RunAsync("git", ["-C", repository, "-c", "safe.directory=*", .. args], null,
                line => { if (!line.IsError) output.Append(line.Text).Append('\n'); }, cancellation);
            return (code, output.ToString());
        }
        catch (RealmCiException e)
        {
            throw new RealmCiException($"a release needs git to export the tag: {e.Message}", ExitCodes.Unavailable, e);
        }
    }
}
