namespace RealmCi.Layout;

/// <summary>
/// A run's artifacts folder (<c>--artifacts</c>): the one place the names at its top are spelled —
/// each configuration's folder (<see cref="ConfigurationFolder"/>), the run's summary, the lock two
/// runs into one folder take, and the work folders of the targets that run the pipeline more than
/// once (Bisect, the ABI baseline, Release, each downstream of the canary). Every writer and reader
/// (the runner, the summary, Clean, the targets, their tests' expectations) uses it.
/// </summary>
public sealed record ArtifactsFolder(string Root)
{
    public ConfigurationFolder Configuration(string id) => new(Path.GetFullPath(Path.Combine(Root, id)));

    public string SummaryJson => Path.Combine(Root, "summary.json");

    public string SummaryMarkdown => Path.Combine(Root, "summary.md");

    /// <summary>The lock one run holds on the folder, and the file naming its owner (process id, start).</summary>
    public string Lock => Path.Combine(Root, ".lock");

    public string LockOwner => Path.Combine(Root, ".lock.owner");

    /// <summary>Bisect: the clone, the candidates' artifacts, each candidate's saved logs and the report.</summary>
    public string Bisect => Path.Combine(Root, "bisect");

    /// <summary>--abi-baseline: the baseline's clone and artifacts.</summary>
    public string AbiBaseline => Path.GetFullPath(Path.Combine(Root, "abi-baseline"));

    /// <summary>Release: the published folder of a version, and the work folder of one tag (its version and commit).</summary>
    public string Release(string version) => Path.Combine(Root, "release", version);

    public ReleaseWorkFolder ReleaseWork(string version, string commit) => new(Path.Combine(Root, "release-work", $"{version}-{commit[..Math.Min(12, commit.Length)]}"));

    /// <summary>The canary's folder of one downstream (its configurations' results, its composed copy, its report).</summary>
    public DownstreamFolder Downstream(string name) => new(Path.Combine(Root, name));
}

/// <summary>One downstream's folder in a canary run's artifacts (<c>ARTIFACTS/NAME</c>).</summary>
public sealed record DownstreamFolder(string Root)
{
    /// <summary>The composed copy: the downstream at its ref with the Realm under test in it (mounted as the source).</summary>
    public string Composed => Path.Combine(Root, ".composed");

    /// <summary>The downstream's copies of Realm's own tests, run as a selection of their own.</summary>
    public string RealmsOwnTests => Path.Combine(Root, "realms-own-tests");

    /// <summary>The canary's report.</summary>
    public string Report => Path.Combine(Root, "canary.md");
}

/// <summary>
/// A release's published folder (<c>ARTIFACTS/release/VERSION</c>): the archives, then realm-ci's own files —
/// the manifest, the notes, and the checksums over every other file (<c>sha256sum -c SHA256SUMS</c>).
/// </summary>
public sealed record ReleaseFolder(string Root)
{
    public const string ManifestName = "manifest.json", NotesName = "release-notes.md", ChecksumsName = "SHA256SUMS";

    public string Manifest => Path.Combine(Root, ManifestName);

    public string Notes => Path.Combine(Root, NotesName);

    public string Checksums => Path.Combine(Root, ChecksumsName);
}

/// <summary>One tag's work folder (<c>ARTIFACTS/release-work/VERSION-COMMIT</c>): the exported source, the builds, the consumer checks.</summary>
public sealed record ReleaseWorkFolder(string Root)
{
    /// <summary>The source exported at the tag (what the source archive holds), built from.</summary>
    public string Source => Path.Combine(Root, "source");

    /// <summary>The binaries' pipeline artifacts (one configuration folder each).</summary>
    public string Builds => Path.Combine(Root, "builds");

    /// <summary>The consumer project's build against each installed binary (one log per configuration).</summary>
    public string Consumer => Path.Combine(Root, "consumer");
}
