using RealmCi.Results;
using System.Diagnostics;
using RealmCi.Containers;
using RealmCi.Errors;
using RealmCi.Execution;
using RealmCi.Matrix;
using RealmCi.Layout;

namespace RealmCi.Release;

/// <summary>
/// The Release target: tag → source package → the selection built and tested from it through
/// the normal pipeline → one reproducible archive per passing configuration → facts read from
/// its image, SBOM, consumer check in a clean container → SHA256SUMS, manifest.json,
/// release-notes.md. Everything is written to a staging folder and moved to
/// <c>artifacts/release/VERSION/</c> only when the release is complete: a configuration with no
/// binary (failed, or its package could not be consumed) fails the release (exit 1) unless
/// <c>--allow-missing</c> covers it. The pipeline reports through <paramref name="observer"/> (live
/// view or plain lines); the release's own steps through <paramref name="log"/>, before and after it.
/// </summary>
public static class ReleasePipeline
{
    /// <summary>What refuses a release, dry or not, before anything runs: the front end checks these before any clone or lock.</summary>
    public static IEnumerable<string> Refusals(ExecutorKind executor, string consumer)
    {
        if (executor == ExecutorKind.Host)
            yield return "--executor=host: a release needs the Docker engine (binaries are built in, and consumed from, clean containers)";
        if (!File.Exists(Path.Combine(consumer, "CMakeLists.txt")))
            yield return $"--consumer={consumer}: no CMakeLists.txt there (the downstream project every binary must serve)";
    }

    public static async Task<int> RunAsync(Selection selection, ReleaseOptions release, PipelineOptions pipeline, Func<IContainerEngine> connect,
        IRunObserver observer, Action<string> log, Action<string> output, CancellationToken cancellation)
    {
        release = release with { Repository = await GitTag.TopLevelAsync(release.Repository, cancellation) };
        var tag = await GitTag.ResolveAsync(release.Repository, release.Tag, cancellation);
        var plan = ReleasePlan.For(tag, release.Project, selection, pipeline.Artifacts);
        plan.CheckFolder(release.Replace);
        // A dry run refuses what the real run would: the same checks, in the same order, before anything is built.
        if (Refusals(pipeline.Executor, release.Consumer).FirstOrDefault() is { } refusal) throw new RealmCiException(refusal);
        ReleaseChecks.Check(selection, release.AllowMissing);
        var untestable = ReleaseChecks.Untestable(selection); // each allowed missing by now: left out, not built
        if (release.DryRun)
        {
            foreach (var line in plan.Describe(release.AllowMissing, untestable)) output(line);
            return ExitCodes.Success;
        }
        if (!untestable.IsEmpty)
        {
            log($"release {plan.Names.Version}: left out (their GPU tests cannot run here; --allow-missing covers them): {string.Join(", ", untestable.Keys)}");
            selection = selection with { Configurations = [.. selection.Configurations.Where(c => !untestable.ContainsKey(c.Id))] };
        }
        var engine = connect();
        await engine.PingAsync(cancellation);

        var clock = Stopwatch.StartNew();
        var staging = plan.Folder + ".partial";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        Directory.CreateDirectory(plan.Work.Root);

        log($"release {plan.Names.Version}: exporting {tag.Name} ({tag.Commit[..12]}) with git archive");
        var source = await SourcePackage.ExportAsync(release.Repository, tag, plan.Names, Path.Combine(staging, plan.Names.SourceArchive),
            plan.Work.Source, release.Source, cancellation);
        log($"release {plan.Names.Version}: {plan.Names.SourceArchive} ({source.Files} files, {source.Layout.Name} layout, VERSION in {source.Layout.VersionFile})");

        var recorder = new RecordingObserver(observer);
        var options = pipeline with
        {
            Source = source.Folder,
            SourceSubdir = source.Subdir,
            Artifacts = plan.Work.Builds,
            Executor = ExecutorKind.Docker,
        };
        var code = await Pipeline.RunAsync(selection, options, () => engine, recorder, cancellation);
        if (code == ExitCodes.Interrupted || cancellation.IsCancellationRequested) return ExitCodes.Interrupted;

        // A cached result keeps its logs and test results, not its install tree: a binary needs the
        // tree, so a cached configuration whose tree is not in this release's work folder is rebuilt.
        var treeless = recorder.Results.Where(r => r.Status == ConfigurationStatus.Cached && !Directory.Exists(new ConfigurationFolder(r.Artifacts).InstallTree))
            .Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        if (treeless.Count > 0)
        {
            log($"release {plan.Names.Version}: {treeless.Count} cached configuration(s) without an install tree here; rebuilding them: {string.Join(", ", treeless.Order(StringComparer.Ordinal))}");
            var again = selection with { Configurations = [.. selection.Configurations.Where(c => treeless.Contains(c.Id))] };
            code = await Pipeline.RunAsync(again, options with { Force = true }, () => engine, recorder, cancellation);
            if (code == ExitCodes.Interrupted || cancellation.IsCancellationRequested) return ExitCodes.Interrupted;
        }

        var results = new Dictionary<string, ConfigurationResult>(StringComparer.Ordinal);
        foreach (var r in recorder.Results) results[r.Id] = r; // the latest result of each configuration
        var artifacts = new List<ManifestArtifact>();
        var missing = new List<MissingBinary>();
        bool Allowed(string id) => release.AllowMissing.Any(g => Glob.Matches(g, id));
        foreach (var binary in plan.Binaries)
        {
            var id = binary.Configuration.Id;
            var result = results.GetValueOrDefault(id);
            var install = result is null ? null : new ConfigurationFolder(result.Artifacts).InstallTree;
            var why = untestable.TryGetValue(id, out var gpu) ? $"not built: its GPU tests cannot run here ({gpu})"
                : result is null ? "not run"
                : !result.Succeeded ? $"{result.Status.ToString().ToLowerInvariant()}: {result.FirstFailure ?? "see " + result.Artifacts}"
                : !Directory.Exists(install) ? $"no install tree at {install} (rerun with --force)"
                : result.Image is null ? "built without an image"
                : null;
            if (why is not null)
            {
                missing.Add(new MissingBinary(id, why, Allowed(id)));
                log($"release: {id}: no binary ({why})");
                continue;
            }
            PackagedBinary packaged;
            try { packaged = await BinaryPackage.MakeAsync(engine, plan, binary, result!, release, pipeline, staging, cancellation, log); }
            catch (Exception e) when (e is RealmCiException or IOException)
            {
                packaged = new PackagedBinary(null, e.Message); // e.g. the image could not be read: this binary is missing, the others go on
                log($"release: {id}: {e.Message}");
            }
            if (packaged.Artifact is { } artifact) artifacts.Add(artifact);
            else missing.Add(new MissingBinary(id, packaged.Failure!, Allowed(id)));
        }

        var manifest = new ReleaseManifest(release.Project, tag.Name, tag.Commit, plan.Names.Version, tag.CommitTime,
            Checksums.Of(source.Archive), artifacts, missing);
        ReleaseFiles.Write(staging, manifest, plan.Names.SourceFolder);

        var blocking = missing.Where(m => !m.Allowed).ToList();
        if (blocking.Count > 0 || artifacts.Count == 0)
        {
            var why = blocking.Count > 0 ? string.Join("; ", blocking.Select(m => $"{m.Configuration} ({m.Reason})")) : "no configuration produced a binary";
            output($"release {plan.Names.Version} failed: {why}. Nothing was published to {plan.Folder}; what was made is in {staging}" +
                (blocking.Count > 0 ? $" (--allow-missing=GLOB lets a release go without a configuration)" : ""));
            return ExitCodes.Failed;
        }
        if (Directory.Exists(plan.Folder)) Directory.Delete(plan.Folder, recursive: true);
        Directory.Move(staging, plan.Folder);
        output($"release {plan.Names.Version}: {artifacts.Count} binar{(artifacts.Count == 1 ? "y" : "ies")}" +
            (missing.Count > 0 ? $", {missing.Count} allowed missing" : "") + $" in {plan.Folder} ({clock.Elapsed.TotalSeconds:F0} s). Verify: cd {plan.Folder} && sha256sum -c {Layout.ReleaseFolder.ChecksumsName}");
        return ExitCodes.Success;
    }
}
