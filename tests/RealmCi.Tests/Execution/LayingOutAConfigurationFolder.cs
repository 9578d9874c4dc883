using System.Text.RegularExpressions;
using RealmCi.Caching;
using RealmCi.CMake;
using RealmCi.Layout;
using RealmCi.Results;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Execution;

/// <summary>
/// A configuration's folder and a run's artifacts folder are records: their names are spelled there
/// and nowhere else in the library.
/// </summary>
public sealed class LayingOutAConfigurationFolder
{
    [Fact]
    public void TheRunClearsExactlyTheFilesTheResultCacheKeeps()
    {
        Assert.Equal(["result.json", "junit.xml", "image.log", "configure.log", "build.log", "test.log", "install.log", "abi.log", "Dockerfile", "reproduce.sh",
            "abi.dump", "abi-baseline.dump", "abi-report.html", "abi-report.xml", "abi-symbols.txt"], ConfigurationFolder.Outputs);
        Assert.Same(ConfigurationFolder.Outputs, ResultCache.Kept);
    }

    [Fact]
    public void TheContainerSeesTheSameNamesUnderWork()
    {
        var folder = new ConfigurationFolder("/a/gcc12-release-local-cpu");
        var work = new WorkLayout("/src", "/work");
        Assert.Equal(("/work/build", "/work/install", "/work/junit.xml"), (work.Build, work.Install, work.JUnit));
        Assert.Equal(("/a/gcc12-release-local-cpu/build", "/a/gcc12-release-local-cpu/install", "/a/gcc12-release-local-cpu/junit.xml"),
            (folder.BuildTree, folder.InstallTree, folder.JUnit));
        Assert.Equal("/a/gcc12-release-local-cpu/configure.log", folder.Log(StepKind.Configure));
    }

    [Fact]
    public void NoOtherLibraryFileSpellsAFolderFileName()
    {
        // Ci/ (the CI trust item's) writes upload globs such as "{folder}/**/result.json": not a literal name, so not matched.
        var literal = new Regex("\"(result\\.json|junit\\.xml|reproduce\\.sh|Dockerfile)\"");
        var files = Directory.GetFiles(Path.Combine(Yaml.RepoRoot, "src", "RealmCi"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && Path.GetFileName(f) != "ConfigurationFolder.cs"
                        && Path.GetFileName(f) != "DockerEngine.cs") // the name of a Dockerfile inside a build context sent to the engine
            .ToList();
        Assert.True(files.Count > 100, $"only {files.Count} library files found");
        Assert.Empty(files.Where(f => literal.IsMatch(File.ReadAllText(f))).Select(Path.GetFileName));
    }

    [Fact]
    public void ARunsFolderNamesItsTopOnce()
    {
        var a = new ArtifactsFolder("/a");
        Assert.Equal(("/a/summary.json", "/a/summary.md", "/a/.lock", "/a/.lock.owner"), (a.SummaryJson, a.SummaryMarkdown, a.Lock, a.LockOwner));
        Assert.Equal(("/a/bisect", "/a/abi-baseline", "/a/release/1.2.0", "/a/release-work/1.2.0-0123456789ab"),
            (a.Bisect, a.AbiBaseline, a.Release("1.2.0"), a.ReleaseWork("1.2.0", "0123456789abcdef").Root));
        var work = new ReleaseWorkFolder("/w");
        Assert.Equal(("/w/source", "/w/builds", "/w/consumer"), (work.Source, work.Builds, work.Consumer));
        var published = new ReleaseFolder(a.Release("1.2.0"));
        Assert.Equal(("/a/release/1.2.0/manifest.json", "/a/release/1.2.0/release-notes.md", "/a/release/1.2.0/SHA256SUMS"), (published.Manifest, published.Notes, published.Checksums));
        Assert.Equal(("/a/legion/.composed", "/a/legion/realms-own-tests", "/a/legion/canary.md"),
            (a.Downstream("legion").Composed, a.Downstream("legion").RealmsOwnTests, a.Downstream("legion").Report));
        Assert.Equal("/a/gcc12-debug/build", a.Configuration("gcc12-debug").BuildTree);
    }

    [Fact]
    public void NoOtherLibraryFileSpellsATopName()
    {
        // The names as path parts (Path.Combine's arguments): a build or install tree, the run's top-level files and folders.
        var literal = new Regex("Path\\.Combine\\([^;]*,\\s*\"(build|install|summary\\.json|summary\\.md|\\.lock|\\.lock\\.owner|bisect|abi-baseline|release|release-work|builds|manifest\\.json|release-notes\\.md|SHA256SUMS|\\.composed|realms-own-tests|canary\\.md)\"\\s*[,)]");
        var files = Directory.GetFiles(Path.Combine(Yaml.RepoRoot, "src", "RealmCi"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(Yaml.RepoRoot, "build"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                        && Path.GetFileName(f) is not ("ConfigurationFolder.cs" or "ArtifactsFolder.cs"))
            .ToList();
        Assert.True(files.Count > 100, $"only {files.Count} files found");
        Assert.Empty(files.Where(f => literal.IsMatch(File.ReadAllText(f))).Select(Path.GetFileName));
    }
}
