using RealmCi.Errors;
using RealmCi.Matrix;
using RealmCi.Layout;

namespace RealmCi.Release;

/// <summary>One binary the release intends to ship.</summary>
public sealed record PlannedBinary(BuildConfiguration Configuration, string Platform, string Stem, string Archive, string Sbom);

/// <summary>
/// What a release will do, before it does anything: the tag, its commit and version, the
/// folder, and one archive and SBOM per configuration. <c>--dry-run</c> prints it.
/// </summary>
public sealed record ReleasePlan(GitTag Tag, ReleaseNames Names, string Folder, Layout.ReleaseWorkFolder Work, IReadOnlyList<PlannedBinary> Binaries)
{
    public static ReleasePlan For(GitTag tag, string project, Selection selection, string artifacts)
    {
        var names = new ReleaseNames(project, ReleaseVersion.FromTag(tag.Name));
        var binaries = selection.Configurations.Select(c =>
        {
            var platform = ReleaseVersion.Platform(c.Base.Name);
            return new PlannedBinary(c, platform, names.Stem(c.Id, platform), names.Archive(c.Id, platform), names.Sbom(c.Id, platform));
        }).ToList();
        var layout = new ArtifactsFolder(artifacts);
        return new ReleasePlan(tag, names, layout.Release(names.Version), layout.ReleaseWork(names.Version, tag.Commit), binaries);
    }

    /// <summary>Refuses an existing release folder unless it may be replaced (exit 2).</summary>
    public void CheckFolder(bool replace)
    {
        if (Directory.Exists(Folder) && !replace)
            throw new RealmCiException($"{Folder} already exists: pass --replace to overwrite release {Names.Version}");
    }

    public IEnumerable<string> Describe(IEnumerable<string> allowMissing, IReadOnlyDictionary<string, string>? leftOut = null)
    {
        yield return $"release {Names.Version} from tag {Tag.Name} (commit {Tag.Commit}, {Tag.CommitTime:yyyy-MM-dd HH:mm:ss} UTC)";
        yield return $"folder: {Folder}";
        yield return $"  {Names.SourceArchive}";
        foreach (var b in Binaries)
        {
            var allowed = leftOut?.TryGetValue(b.Configuration.Id, out var why) == true ? $" (left out: its GPU tests cannot run here, {why})"
                : allowMissing.Any(g => Glob.Matches(g, b.Configuration.Id)) ? " (may be missing)" : "";
            yield return $"  {b.Archive}  + {b.Sbom}  [{b.Configuration.Id}{allowed}]";
        }
        yield return "  SHA256SUMS  manifest.json  release-notes.md";
        yield return $"{Binaries.Count} configuration(s); each is built and tested from the source package, packaged, and built against by the consumer project in a clean container.";
    }
}
