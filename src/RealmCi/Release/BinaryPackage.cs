using RealmCi.Layout;
using RealmCi.Results;
using System.Security.Cryptography;
using System.Text;
using RealmCi.Containers;
using RealmCi.Execution;

namespace RealmCi.Release;

/// <summary>A binary of the release, or why there is none.</summary>
public sealed record PackagedBinary(ManifestArtifact? Artifact, string? Failure);

/// <summary>
/// One configuration's binary: its install tree as a reproducible archive, the facts of its
/// image, its SBOM, and the consumer check. A package that cannot be consumed is no binary.
/// </summary>
public static class BinaryPackage
{
    public static async Task<PackagedBinary> MakeAsync(IContainerEngine engine, ReleasePlan plan, PlannedBinary binary, ConfigurationResult result,
        ReleaseOptions release, PipelineOptions pipeline, string staging, CancellationToken cancellation, Action<string> log)
    {
        var c = binary.Configuration;
        var labels = Labels.For(pipeline.RunId, c.Id);
        var archivePath = Path.Combine(staging, binary.Archive);
        log($"release: {c.Id}: packaging {binary.Archive}");
        ReproducibleArchive.Write(archivePath, ArchiveEntry.Tree(new ConfigurationFolder(result.Artifacts).InstallTree, binary.Stem), plan.Tag.CommitTime);
        var archive = Checksums.Of(archivePath);

        log($"release: {c.Id}: reading packages and compiler from {result.Image}");
        var facts = await ImageFacts.ReadAsync(engine, result.Image!, c, pipeline.User, labels, cancellation);
        File.WriteAllText(Path.Combine(staging, binary.Sbom), ReleaseJson.Serialize(Sbom.For(plan.Names, plan.Tag, c, binary.Platform, archive, facts)));

        log($"release: {c.Id}: building the consumer project against {binary.Archive} in a clean container");
        var consumer = await ConsumerCheck.RunAsync(engine, result.Image!, archivePath, binary.Stem, release.Consumer,
            plan.Work.Consumer, c, pipeline.User, labels, cancellation);
        if (!consumer.Passed)
        {
            log($"release: {c.Id}: the consumer check failed (exit code {consumer.ExitCode}); log: {consumer.Log}");
            File.Delete(archivePath);
            File.Delete(Path.Combine(staging, binary.Sbom));
            return new PackagedBinary(null, $"the consumer project could not use the package (exit code {consumer.ExitCode}; {consumer.Log})");
        }
        log($"release: {c.Id}: consumer check passed");

        var dockerfile = new ConfigurationFolder(result.Artifacts).Dockerfile;
        var recipe = File.Exists(dockerfile) ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(File.ReadAllText(dockerfile)))) : "";
        var counts = result.Counts;
        return new PackagedBinary(new ManifestArtifact(
            archive.File, archive.Size, archive.Sha256, binary.Sbom, c.Id,
            new SortedDictionary<string, string>(c.Axes.ToDictionary(a => a.Axis, a => a.Value), StringComparer.Ordinal),
            new SortedDictionary<string, string>(c.Settings.Cmake, StringComparer.Ordinal),
            new ManifestImage(result.Image!, recipe, c.Base.Name, $"{facts.Distribution} {facts.DistributionVersion}".Trim()),
            new ManifestToolchain(facts.Compiler, facts.VersionsOf(c.Settings.Packages.Concat(["libc6", "libstdc++6"]))),
            new ManifestTests(counts.Passed, counts.Failed, counts.Skipped),
            "passed"), null);
    }
}
