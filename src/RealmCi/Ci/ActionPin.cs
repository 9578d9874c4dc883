namespace RealmCi.Ci;

/// <summary>
/// A GitHub action pinned by full commit SHA (a tag can be moved; a SHA cannot), written as
/// <c>uses: REPO@SHA # VERSION</c>. The table is data in ci.yaml (<c>actions:</c>), with where each
/// SHA came from; an update is an edit there.
/// </summary>
public sealed record ActionPin(string Repository, string Sha, string Version)
{
    public string Uses => $"{Repository}@{Sha}";
}
