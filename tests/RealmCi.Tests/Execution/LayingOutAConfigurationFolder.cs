using System.Text.RegularExpressions;
using RealmCi.Caching;
using RealmCi.CMake;
using RealmCi.Layout;
using RealmCi.Results;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Execution;

/// <summary>A configuration's folder is one record: its names are spelled there and nowhere else in the library.</summary>
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
}
