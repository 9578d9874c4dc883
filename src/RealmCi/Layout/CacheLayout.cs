namespace RealmCi.Layout;

/// <summary>
/// The persistent cache's folders (<c>~/.cache/realm-ci</c>, or <c>$XDG_CACHE_HOME/realm-ci</c>): the
/// one place their names are spelled. Every writer (result cache, ccache mount, clones, declared
/// sources, warning baselines, downstream clones) and every reader (Clean's inventory) uses it.
/// </summary>
public sealed record CacheLayout(string Root)
{
    /// <summary>Result-cache entries, one folder per key.</summary>
    public string Results => Path.Combine(Root, "results");

    /// <summary>ccache's folder, shared by every configuration (mounted at /ccache).</summary>
    public string Ccache => Path.Combine(Root, "ccache");

    /// <summary>Clones of the project made when no source is given, one per ref.</summary>
    public string Clones => Path.Combine(Root, "realm-src");

    /// <summary>Declared source archives (GASNet-EX, UCC), checked against their SHA-256.</summary>
    public string Sources => Path.Combine(Root, "sources");

    /// <summary>The previous full build's compiler warnings, one file per configuration.</summary>
    public string Warnings => Path.Combine(Root, "warnings");

    /// <summary>Bare clones of downstream projects (the canary's Legion).</summary>
    public string Downstreams => Path.Combine(Root, "downstreams");

    /// <summary>Flakiness histories: each configuration's last runs, test by test (written only by trusted runs).</summary>
    public string History => Path.Combine(Root, "history");

    /// <summary>Every folder whole, with its name as Clean shows it (the result cache is listed entry by entry instead).</summary>
    public IEnumerable<(string Name, string Path)> WholeFolders =>
        [("ccache", Ccache), ("realm-src", Clones), ("sources", Sources), ("warnings", Warnings), ("downstreams", Downstreams), ("history", History)];
}
