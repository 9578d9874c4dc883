namespace RealmCi.Results;

/// <summary>
/// A failing step's log matched a known failure signature: which one, the line (file and line
/// number) it matched, what it means and what to do.
/// </summary>
public sealed record KnownFailure(string Name, string Step, string Log, int LineNumber, string Line, string Explanation, string Fix, Uri? Link)
{
    /// <summary>Where the line stands, as an editor reads it: <c>configure.log:41</c>.</summary>
    public string Where => $"{Path.GetFileName(Log)}:{LineNumber}";
}
