using RealmCi.Caching;
using RealmCi.Execution;
using RealmCi.Matrix;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Execution;

public sealed class CachingResults : InTempFolder
{

    private static BuildConfiguration Config(string id = "gcc12-debug-local-cpu-shared", Facets? cli = null) =>
        Selector.Select(MatrixFile.Open(Yaml.RealmMatrixPath), new SelectionOptions { Configs = [id], CommandLine = cli ?? Facets.Empty }).Configurations[0];

    private static string Key(BuildConfiguration c, string source = "files:abc", string image = "realm-ci/debian12:1", bool tests = true) =>
        CacheKey.Compute(c, source, "realm", image, tests, gpuPresent: false);

    [Fact]
    public void TheSameInputsGiveTheSameKey() => Assert.Equal(Key(Config()), Key(Config()));

    [Fact]
    public void TheSourceTheImageTheConfigurationAndTheRunChangeTheKey()
    {
        var key = Key(Config());
        Assert.NotEqual(key, Key(Config(), source: "files:abd"));
        Assert.NotEqual(key, Key(Config(), image: "realm-ci/debian12:2"));
        Assert.NotEqual(key, Key(Config(cli: Facets.Empty with { Cmake = Facets.Empty.Cmake.Add("X", "1") })));
        Assert.NotEqual(key, Key(Config(cli: Facets.Empty with { Env = Facets.Empty.Env.Add("E", "1") })));
        Assert.NotEqual(key, Key(Config("gcc12-debug-local-cpu")));
        Assert.NotEqual(key, Key(Config(), tests: false));
    }

    [Fact]
    public void AFileEditChangesTheSourceFingerprintButATouchDoesNot()
    {
        File.WriteAllText(Path.Combine(dir, "a.cc"), "int a;");
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        File.WriteAllText(Path.Combine(dir, "sub", "b.cc"), "int b;");
        var first = SourceFingerprint.Compute(dir, CancellationToken.None);
        File.SetLastWriteTimeUtc(Path.Combine(dir, "a.cc"), DateTime.UtcNow.AddHours(1));
        Assert.Equal(first, SourceFingerprint.Compute(dir, CancellationToken.None));
        File.WriteAllText(Path.Combine(dir, "sub", "b.cc"), "int b2;");
        Assert.NotEqual(first, SourceFingerprint.Compute(dir, CancellationToken.None));
    }

    [Fact]
    public void BuildFoldersInsideTheSourceDoNotCount()
    {
        File.WriteAllText(Path.Combine(dir, "a.cc"), "int a;");
        var first = SourceFingerprint.Compute(dir, CancellationToken.None);
        Directory.CreateDirectory(Path.Combine(dir, "build"));
        File.WriteAllText(Path.Combine(dir, "build", "a.o"), "junk");
        Assert.Equal(first, SourceFingerprint.Compute(dir, CancellationToken.None));
    }

    [Fact]
    public void ACleanGitCheckoutIsFingerprintedByItsTreeId()
    {
        File.WriteAllText(Path.Combine(dir, "a.cc"), "int a;");
        Git("init", "-q"); Git("add", "."); Git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "x");
        var clean = SourceFingerprint.Compute(dir, CancellationToken.None);
        Assert.StartsWith("git-tree:", clean);
        File.WriteAllText(Path.Combine(dir, "a.cc"), "int a2;");
        var dirty = SourceFingerprint.Compute(dir, CancellationToken.None);
        Assert.StartsWith("git-files:", dirty);
        File.WriteAllText(Path.Combine(dir, "untracked.txt"), "not part of the source");
        Assert.Equal(dirty, SourceFingerprint.Compute(dir, CancellationToken.None));
    }

    [Fact]
    public void OnlyPassedResultsWhoseArtifactsStillExistAreFound()
    {
        var cache = new ResultCache(Path.Combine(dir, "cache"));
        var artifacts = Path.Combine(dir, "artifacts", "x");
        Directory.CreateDirectory(artifacts);
        var passed = new ConfigurationResult("x", ConfigurationStatus.Passed, [], [], "img", "docker", DateTimeOffset.UtcNow, 12, artifacts, "r");
        RealmCi.Reporting.ResultJson.Write(Path.Combine(artifacts, "result.json"), passed);
        cache.Remember("k1", passed);
        cache.Remember("k2", passed with { Status = ConfigurationStatus.Failed });
        Assert.Equal(artifacts, cache.Find("k1")!.Artifacts);
        Assert.Null(cache.Find("k2"));
        Assert.Null(cache.Find("k3"));
        File.Delete(Path.Combine(artifacts, "result.json"));
        Assert.Null(cache.Find("k1"));
    }

    private void Git(params string[] args) =>
        Assert.Equal(0, RealmCi.Processes.RunAsync("git", ["-C", dir, .. args], null, _ => { }, CancellationToken.None).GetAwaiter().GetResult());
}
