using RealmCi.Results;
using System.Reflection;
using System.Collections.Immutable;
using RealmCi.Caching;
using RealmCi.CMake;
using RealmCi.Matrix;
using RealmCi.Reporting;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Execution;

public sealed class CachingResults : InTempFolder
{
    private static BuildConfiguration Config(string id = "gcc12-debug-local-cpu-shared", Facets? cli = null) =>
        Selector.Select(MatrixFile.Open(Yaml.RealmMatrixPath), new SelectionOptions { Configs = [id], CommandLine = cli ?? Facets.Empty }).Configurations[0];

    private static string Key(BuildConfiguration c, string source = "files:abc", string image = "realm-ci/debian12:1", bool tests = true) =>
        CacheKey.Compute(c, source, "realm", image, tests, gpuPresent: false);

    [Fact]
    public void ThePipelineIsIdentifiedByItsSourcesNotByTheGitCommit()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+\+src\.[0-9a-f]{16}$", CacheKey.PipelineVersion);
        // The informational version names the git commit (0.1.0+SHA): a docs-only commit would change it.
        var informational = typeof(CacheKey).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.All(informational.Split('+').Skip(1), commit => Assert.DoesNotContain(commit, CacheKey.PipelineVersion));
    }

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
    public void TheKeysCanonicalFormHasEveryFieldSortedAndNoListingInIt()
    {
        var c = Config();
        var canonical = CacheKey.Canonical(c);
        // Its own form: the base's bootstrap recipe is in it (the CI listing has only the base's name and image)…
        Assert.Contains("\"bootstrap\":{\"components\":[\"main\"]", canonical);
        // …keys sorted, so the order fields are declared in cannot change a key.
        using var doc = System.Text.Json.JsonDocument.Parse(canonical);
        var keys = doc.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        // Two bases that differ only in what they bootstrap are different inputs.
        var nonfree = c with { Base = c.Base with { Bootstrap = c.Base.Bootstrap! with { Components = ["main", "non-free"] } } };
        Assert.NotEqual(Key(c), Key(nonfree));
        // A set given in another order is the same input.
        var shuffled = c with { Settings = c.Settings with { Packages = [.. c.Settings.Packages.Reverse()] } };
        Assert.Equal(Key(c), Key(shuffled));
    }

    [Fact]
    public async Task AFileEditChangesTheSourceFingerprintButATouchDoesNot()
    {
        File.WriteAllText(Path.Combine(dir, "a.cc"), "int a;");
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        File.WriteAllText(Path.Combine(dir, "sub", "b.cc"), "int b;");
        var first = await Fingerprint();
        File.SetLastWriteTimeUtc(Path.Combine(dir, "a.cc"), DateTime.UtcNow.AddHours(1));
        Assert.Equal(first, await Fingerprint());
        File.WriteAllText(Path.Combine(dir, "sub", "b.cc"), "int b2;");
        Assert.NotEqual(first, await Fingerprint());
    }

    [Fact]
    public async Task BuildFoldersInsideTheSourceDoNotCount()
    {
        File.WriteAllText(Path.Combine(dir, "a.cc"), "int a;");
        var first = await Fingerprint();
        Directory.CreateDirectory(Path.Combine(dir, "build"));
        File.WriteAllText(Path.Combine(dir, "build", "a.o"), "junk");
        Assert.Equal(first, await Fingerprint());
    }

    [Fact]
    public async Task ACleanGitCheckoutIsFingerprintedByItsTreeId()
    {
        await CommittedRepository();
        var clean = await Fingerprint();
        Assert.StartsWith("git-tree:", clean);
        File.WriteAllText(Path.Combine(dir, "a.cc"), "int a2;");
        Assert.StartsWith("git-files:", await Fingerprint());
    }

    [Fact]
    public async Task EditingAddingOrDeletingAnUntrackedFileTheBuildCanSeeChangesTheFingerprint()
    {
        await CommittedRepository();
        var clean = await Fingerprint();
        // A new .cc that CMakeLists already lists but git does not track yet.
        File.WriteAllText(Path.Combine(dir, "new.cc"), "int n;");
        var added = await Fingerprint();
        Assert.NotEqual(clean, added);
        File.WriteAllText(Path.Combine(dir, "new.cc"), "int n2;");
        var edited = await Fingerprint();
        Assert.NotEqual(added, edited);
        File.Delete(Path.Combine(dir, "new.cc"));
        Assert.Equal(clean, await Fingerprint());
        // Ignored files are not the build's input.
        File.WriteAllText(Path.Combine(dir, "scratch.log"), "noise");
        Assert.Equal(clean, await Fingerprint());
    }

    [Fact]
    public async Task DeletingATrackedFileChangesTheFingerprint()
    {
        await CommittedRepository();
        var clean = await Fingerprint();
        File.Delete(Path.Combine(dir, "b.cc"));
        Assert.NotEqual(clean, await Fingerprint());
    }

    [Fact]
    public void AnEntryKeepsWhatAResultNeedsButNotTheBuildTree()
    {
        var cache = new ResultCache(Path.Combine(dir, "cache"));
        var artifacts = Artifacts("x", "k1");
        cache.Remember("k1", Passed("x", artifacts, "k1"), artifacts);
        var entry = cache.Find("k1")!;
        foreach (var file in new[] { "result.json", "junit.xml", "build.log", "reproduce.sh" })
            Assert.True(File.Exists(Path.Combine(entry.Folder, file)), file);
        Assert.False(Directory.Exists(Path.Combine(entry.Folder, "build")));
        // The artifacts folder can go (a fresh CI runner): the entry still counts.
        Directory.Delete(artifacts, recursive: true);
        Assert.NotNull(cache.Find("k1"));
    }

    [Fact]
    public void OnlyPassedResultsWithTheSameKeyAreFound()
    {
        var cache = new ResultCache(Path.Combine(dir, "cache"));
        var artifacts = Artifacts("x", "k1");
        var passed = Passed("x", artifacts, "k1");
        cache.Remember("k1", passed, artifacts);
        cache.Remember("k2", passed with { Status = ConfigurationStatus.Failed, CacheKey = "k2" }, artifacts);
        Assert.NotNull(cache.Find("k1"));
        Assert.Null(cache.Find("k2"));
        Assert.Null(cache.Find("k3"));
        // An entry whose result.json was rewritten by a run with another key is a miss.
        ResultJson.Write(Path.Combine(cache.FolderOf("k1"), "result.json"), passed with { CacheKey = "other" });
        Assert.Null(cache.Find("k1"));
    }

    [Fact]
    public void AHitIsWrittenIntoAFreshArtifactsFolder()
    {
        var cache = new ResultCache(Path.Combine(dir, "cache"));
        var artifacts = Artifacts("x", "k1");
        cache.Remember("k1", Passed("x", artifacts, "k1"), artifacts);
        var fresh = Path.Combine(dir, "fresh", "x");
        var copied = ResultCache.Restore(cache.Find("k1")!, fresh);
        Assert.Contains("junit.xml", copied);
        Assert.Equal("built\n", File.ReadAllText(Path.Combine(fresh, "build.log")));
        Assert.DoesNotContain("result.json", copied); // rewritten by the runner, marked cached
    }

    [Fact]
    public async Task TheHostToolchainIsIdentifiedByCompilerCMakeAndNinja()
    {
        var empty = ImmutableSortedDictionary<string, string>.Empty;
        var identity = await Toolchain.IdentifyAsync(empty, empty, CancellationToken.None);
        Assert.Contains("cmake", identity);
        Assert.Contains("ninja", identity);
        var other = await Toolchain.IdentifyAsync(empty.Add("CMAKE_CXX_COMPILER", "/no/such/g++-99"), empty, CancellationToken.None);
        Assert.Contains("/no/such/g++-99 (missing)", other);
        Assert.NotEqual(identity, other);
    }

    private Task<string> Fingerprint() => SourceFingerprint.ComputeAsync(dir, CancellationToken.None);

    private async Task CommittedRepository()
    {
        File.WriteAllText(Path.Combine(dir, "a.cc"), "int a;");
        File.WriteAllText(Path.Combine(dir, "b.cc"), "int b;");
        File.WriteAllText(Path.Combine(dir, ".gitignore"), "*.log\n");
        await Git("init", "-q");
        await Git("add", ".");
        await Git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "x");
    }

    private string Artifacts(string id, string key)
    {
        var folder = Path.Combine(dir, "artifacts", id);
        Directory.CreateDirectory(Path.Combine(folder, "build"));
        File.WriteAllText(Path.Combine(folder, "build", "big.o"), "object");
        File.WriteAllText(Path.Combine(folder, "build.log"), "built\n");
        File.WriteAllText(Path.Combine(folder, "junit.xml"), "<testsuites/>");
        File.WriteAllText(Path.Combine(folder, "reproduce.sh"), "#!/bin/sh\n");
        ResultJson.Write(Path.Combine(folder, "result.json"), Passed(id, folder, key));
        return folder;
    }

    private static ConfigurationResult Passed(string id, string artifacts, string key) =>
        new(id, ConfigurationStatus.Passed, [], [new TestCaseResult("t", TestStatus.Passed, 1)], "img", ExecutorKind.Docker, DateTimeOffset.UtcNow, 12, artifacts, "r") { CacheKey = key };

    private async Task Git(params string[] args) =>
        Assert.Equal(0, await RealmCi.Processes.RunAsync("git", ["-C", dir, .. args], null, _ => { }, CancellationToken.None));
}
