using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using NJsonSchema;
using RealmCi.Execution;
using RealmCi.Layout;
using RealmCi.Matrix;
using RealmCi.Release;

namespace RealmCi.IntegrationTests;

/// <summary>
/// Tag → release with the real engine and the fixture: a temporary git repository holding the
/// fixture, tagged; the release built from the exported source, verified with the real
/// <c>sha256sum -c</c>, and consumed by the fixture's downstream project in clean containers.
/// </summary>
[Collection("engine")]
public class ReleasingATag(EngineFixture fx)
{
    private static string Repository(string folder)
    {
        CopyTree(EngineFixture.FixtureSource, folder);
        Run(folder, "git", "init", "-q");
        Run(folder, "git", "add", "-A");
        Run(folder, "git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "fixture");
        Run(folder, "git", "tag", "v0.3.0");
        return folder;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static (int Code, string Output) Run(string folder, string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["GIT_COMMITTER_DATE"] = info.Environment["GIT_AUTHOR_DATE"] = "2025-06-30T12:00:00Z";
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output);
    }

    private Selection Select(params string[] ids) => Selector.Select(fx.Matrix, new SelectionOptions { Configs = [.. ids] });

    private async Task<(int Code, List<string> Output, PipelineOptions Options)> Release(string name, Selection selection, Func<ReleaseOptions, ReleaseOptions>? change = null, string? repository = null)
    {
        var options = fx.Options(name);
        var release = new ReleaseOptions
        {
            Tag = "v0.3.0",
            Repository = repository ?? Repository(Path.Combine(fx.Work, name + "-repo")),
            Project = fx.Matrix.Definition.Project,
            Consumer = Path.Combine(EngineFixture.FixtureSource, "consumer"),
        };
        var output = new List<string>();
        var observer = new SilentObserver();
        var code = await ReleasePipeline.RunAsync(selection, change is null ? release : change(release), options, () => fx.Engine, observer, observer.Log, output.Add, CancellationToken.None);
        Assert.Empty(await fx.Leftovers(options.RunId));
        return (code, output, options);
    }

    private static async Task<JsonSchema> CycloneDx16()
    {
        var (code, folder) = Run(EngineFixture.Root, "bash", Path.Combine(EngineFixture.Root, "tests", "tools", "cyclonedx-schemas.sh"));
        var file = Path.Combine(folder.Trim().Split('\n')[^1], "bom-1.6.SNAPSHOT.schema.json");
        if (code != 0 || !File.Exists(file)) Assert.Fail($"the CycloneDX schemas could not be installed: {folder}");
        return await JsonSchema.FromFileAsync(file);
    }

    [Fact]
    public async Task ATagBecomesAReleaseThatVerifiesAndThatADownstreamProjectConsumes()
    {
        var repo = Repository(Path.Combine(fx.Work, "tagged-repo"));
        // A broken edit after the tag, never committed: the release must not see it.
        File.WriteAllText(Path.Combine(repo, "src", "realm.cc"), "this does not compile\n");

        var (code, output, options) = await Release("tagged", Select("release-local", "debug-fake2"), repository: repo);

        Assert.True(code == 0, string.Join("\n", output));
        var folder = Path.Combine(options.Artifacts, "release", "0.3.0");
        var (sumCode, sums) = Run(folder, "sha256sum", "-c", "SHA256SUMS");
        Assert.True(sumCode == 0, sums);
        Assert.Equal(7, sums.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.EndsWith(": OK", StringComparison.Ordinal)));

        var manifest = ReleaseJson.ReadManifest(File.ReadAllText(Path.Combine(folder, "manifest.json")))!;
        Assert.Equal("0.3.0", manifest.Version);
        Assert.Equal(Run(repo, "git", "rev-parse", "v0.3.0").Output.Trim(), manifest.Commit);
        Assert.Equal(["release-local", "debug-fake2"], manifest.Artifacts.Select(a => a.Configuration));
        Assert.Empty(manifest.Missing);
        var schema = await CycloneDx16();
        foreach (var a in manifest.Artifacts)
        {
            Assert.Equal("passed", a.Consumer);
            Assert.Equal(new ManifestTests(3, 0, 1), a.Tests);
            Assert.Matches(@"\d+\.\d+\.\d+", a.Toolchain.Compiler);             // read from the image
            Assert.True(a.Toolchain.Packages.ContainsKey("cmake"));
            Assert.StartsWith("realm-ci/debian12:", a.Image.Tag);
            Assert.Matches("^[0-9a-f]{64}$", a.Image.RecipeSha256);
            Assert.Equal(new FileInfo(Path.Combine(folder, a.File)).Length, a.Size);
            var sbom = File.ReadAllText(Path.Combine(folder, a.Sbom));
            var errors = schema.Validate(sbom);
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
            Assert.Contains("pkg:deb/debian/cmake@", sbom);
        }

        // The binary holds the install tree under one folder, and the build ran from the exported source.
        var archive = Path.Combine(folder, manifest.Artifacts[0].File);
        var names = new List<string>();
        using (var tar = new TarReader(new GZipStream(File.OpenRead(archive), CompressionMode.Decompress)))
            while (tar.GetNextEntry() is { } e) names.Add(e.Name);
        var stem = manifest.Artifacts[0].File[..^".tar.gz".Length];
        Assert.Contains($"{stem}/lib/librealm.a", names);
        Assert.Contains($"{stem}/lib/cmake/realm/RealmConfig.cmake", names);
        var work = new ArtifactsFolder(options.Artifacts).ReleaseWork("0.3.0", manifest.Commit);
        Assert.Equal("0.3.0", File.ReadAllText(Path.Combine(work.Source, "VERSION")));
        Assert.Contains("consumer: mini-realm 0.3.0", File.ReadAllText(Path.Combine(work.Consumer, "release-local.log")));

        // Packaging the same install tree again, with other file times, gives the same bytes.
        var install = new ArtifactsFolder(work.Builds).Configuration("release-local").InstallTree;
        foreach (var f in Directory.EnumerateFiles(install, "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(f, DateTime.UtcNow.AddHours(-5));
        var again = Path.Combine(fx.Work, "again.tar.gz");
        ReproducibleArchive.Write(again, ArchiveEntry.Tree(install, stem), manifest.CommitTime);
        Assert.Equal(File.ReadAllBytes(archive), File.ReadAllBytes(again));
    }

    [Fact]
    public async Task AFailingConfigurationBlocksTheReleaseUnlessItMayBeMissing()
    {
        var selection = Select("release-local", "debug-local-badtest");
        var (code, output, options) = await Release("blocked", selection);

        Assert.Equal(1, code);
        Assert.Contains(output, l => l.StartsWith("release 0.3.0 failed: debug-local-badtest (failed: test unit.broken)", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(options.Artifacts, "release", "0.3.0")));

        var (allowedCode, allowedOutput, allowedOptions) = await Release("allowed", selection, r => r with { AllowMissing = ["*-badtest"] });
        Assert.True(allowedCode == 0, string.Join("\n", allowedOutput));
        var folder = Path.Combine(allowedOptions.Artifacts, "release", "0.3.0");
        var manifest = ReleaseJson.ReadManifest(File.ReadAllText(Path.Combine(folder, "manifest.json")))!;
        Assert.Equal(["release-local"], manifest.Artifacts.Select(a => a.Configuration));
        Assert.Equal(new MissingBinary("debug-local-badtest", "failed: test unit.broken", true), manifest.Missing.Single());
        Assert.Contains("`debug-local-badtest`: failed: test unit.broken (allowed by --allow-missing)", File.ReadAllText(Path.Combine(folder, "release-notes.md")));
    }

    [Fact]
    public async Task APackageTheDownstreamProjectCannotUseIsAFailedRelease()
    {
        var consumer = Path.Combine(fx.Work, "picky-consumer");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "CMakeLists.txt"), "cmake_minimum_required(VERSION 3.22)\nproject(Picky CXX)\nfind_package(Realm 9.0 REQUIRED)\n");

        var (code, output, options) = await Release("picky", Select("release-local"), r => r with { Consumer = consumer });

        Assert.Equal(1, code);
        Assert.Contains(output, l => l.Contains("release-local (the consumer project could not use the package", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(options.Artifacts, "release", "0.3.0")));
        var log = Directory.EnumerateFiles(Path.Combine(options.Artifacts, "release-work"), "release-local.log", SearchOption.AllDirectories).Single();
        Assert.Contains("RealmConfig.cmake, version: 0.3.0", File.ReadAllText(log)); // CMake names the package it rejected
    }
}
