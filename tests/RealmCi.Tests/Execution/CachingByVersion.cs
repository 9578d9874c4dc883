using RealmCi.Results;
using RealmCi.Caching;
using RealmCi.CMake;
using RealmCi.Reporting;
using RealmCi.Matrix;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Execution;

/// <summary>
/// The result-cache key covers what the build reads from git besides the files (Realm's version
/// comes from git describe and the commit), tried with the real git: the pair, one tree
/// reached by a tagged commit and by an untagged one past it, no longer shares a result.
/// </summary>
public sealed class CachingByVersion : InTempFolder
{
    private static readonly BuildConfiguration Smoke =
        Selector.Select(MatrixFile.Open(Yaml.RealmMatrixPath), new SelectionOptions { Configs = ["gcc12-debug-local-cpu-shared"] }).Configurations[0];

    private string Repo => Directory.CreateDirectory(Path.Combine(dir, "repo")).FullName;

    private async Task<string> Key() =>
        CacheKey.Compute(Smoke, await SourceFingerprint.ComputeAsync(Repo, CancellationToken.None), null, "realm-ci/debian12:1", runTests: true, gpuPresent: false);

    private async Task<string> Git(params string[] args)
    {
        var run = await RealmCi.Processes.CaptureAsync("git", ["-C", Repo, "-c", "user.email=t@t", "-c", "user.name=t", .. args], CancellationToken.None);
        Assert.Equal(0, run.ExitCode);
        return run.Stdout.Trim();
    }

    [Fact]
    public async Task ATaggedAndAnUntaggedCommitOfOneTreeDoNotShareAResult()
    {
        File.WriteAllText(Path.Combine(Repo, "VERSION"), "$Format:%(describe:tags,match=v*)$\n");
        await Git("init", "-q");
        await Git("add", ".");
        await Git("commit", "-qm", "release");
        await Git("tag", "v25.11.0");
        var tagged = await Key();
        var cache = new ResultCache(Path.Combine(dir, "cache"));
        var artifacts = Directory.CreateDirectory(Path.Combine(dir, "artifacts")).FullName;
        var passed = new ConfigurationResult(Smoke.Id, ConfigurationStatus.Passed, [], [new TestCaseResult("t", TestStatus.Passed, 1)],
            "img", ExecutorKind.Docker, DateTimeOffset.UtcNow, 12, artifacts, "r") { CacheKey = tagged };
        ResultJson.Write(Path.Combine(artifacts, "result.json"), passed);
        cache.Remember(tagged, passed, artifacts);
        Assert.NotNull(cache.Find(tagged));

        await Git("commit", "-q", "--allow-empty", "-m", "one past the tag");
        Assert.Equal(await Git("rev-parse", "HEAD~1^{tree}"), await Git("rev-parse", "HEAD^{tree}"));
        var past = await Key();
        Assert.StartsWith("git-tree:", await SourceFingerprint.ComputeAsync(Repo, CancellationToken.None)); // clean: the same tree id

        Assert.NotEqual(tagged, past);
        Assert.Null(cache.Find(past));
    }

    [Fact]
    public async Task FetchingATagChangesTheKeyOfTheSameCommit()
    {
        File.WriteAllText(Path.Combine(Repo, "a.cc"), "int a;\n");
        await Git("init", "-q");
        await Git("add", ".");
        await Git("commit", "-qm", "one");
        var untagged = await Key();
        Assert.Equal(untagged, await Key());
        await Git("tag", "v1.0.0");
        Assert.NotEqual(untagged, await Key());
    }
}
