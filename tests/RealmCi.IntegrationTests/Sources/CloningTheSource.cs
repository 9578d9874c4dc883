using RealmCi.Sources;

namespace RealmCi.IntegrationTests.Sources;

/// <summary>
/// realm-ci's own clone, with the real git over file:// from a repository that allows filters:
/// it can answer <c>git describe --tags</c> past a tag (a <c>--depth 1</c> clone cannot), it
/// leaves old file contents on the server, and a cached clone follows its ref when it moves.
/// </summary>
public sealed class CloningTheSource : IDisposable
{
    private readonly ScratchRepository upstream = new();
    private readonly string cache = Directory.CreateTempSubdirectory("realm-ci-cache-").FullName;
    private readonly List<string> log = [];

    public void Dispose()
    {
        upstream.Dispose();
        Directory.Delete(cache, recursive: true);
    }

    private async Task<string> CloneAsync()
    {
        var target = GitClone.FolderOf(cache, "main");
        await GitClone.CloneOrRefreshAsync(target, upstream.Url, "main", log.Add, CancellationToken.None);
        return target;
    }

    [Fact]
    public async Task TheCloneDescribesACommitPastTheLastTag()
    {
        upstream.Commit("release", ("VERSION", "$Format:%(describe:tags,match=v*)$\n"), ("big.txt", new string('x', 100_000)));
        upstream.Git("tag", "v1.2.0");
        upstream.Commit("work", ("big.txt", "smaller now\n"));

        var clone = await CloneAsync();

        Assert.StartsWith("v1.2.0-1-g", ScratchRepository.Run(clone, "describe", "--tags").Trim());
        // Blob-less: the tagged commit's big.txt was never fetched (it is a missing promisor object).
        var missing = ScratchRepository.Run(clone, "rev-list", "--objects", "--missing=print", "HEAD~1").Split('\n').Count(l => l.StartsWith('?'));
        Assert.True(missing >= 1, "the clone fetched every file content of the history");
    }

    [Fact]
    public async Task ACachedCloneFollowsItsRefAndSaysFromWhereToWhere()
    {
        var first = upstream.Commit("one", ("a.txt", "1"));
        var clone = await CloneAsync();
        var second = upstream.Commit("two", ("a.txt", "2"));
        upstream.Git("tag", "v2.0.0");

        await CloneAsync();

        Assert.Equal(second, ScratchRepository.Run(clone, "rev-parse", "HEAD").Trim());
        Assert.Equal("2", File.ReadAllText(Path.Combine(clone, "a.txt")));
        Assert.Equal("v2.0.0", ScratchRepository.Run(clone, "describe", "--tags").Trim());
        Assert.Contains(log, l => l.Contains($"from {first[..12]} to {second[..12]}"));

        await CloneAsync();
        Assert.Contains("up to date", log[^1]);
    }

    [Fact]
    public async Task AShallowCachedCloneIsClonedAgain()
    {
        upstream.Commit("one", ("a.txt", "1"));
        upstream.Git("tag", "v1.0.0");
        upstream.Commit("two", ("a.txt", "2"));
        var target = GitClone.FolderOf(cache, "main");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        ScratchRepository.Run(cache, "clone", "-q", "--depth", "1", "--single-branch", "--branch", "main", upstream.Url, target);

        await CloneAsync();

        Assert.Contains(log, l => l.Contains("is shallow"));
        Assert.StartsWith("v1.0.0-1-g", ScratchRepository.Run(target, "describe", "--tags").Trim());
    }

    [Fact]
    public async Task OfflineTheCachedCommitIsBuiltAndTheLogSaysSo()
    {
        var only = upstream.Commit("one", ("a.txt", "1"));
        var clone = await CloneAsync();
        upstream.Dispose();

        await CloneAsync();

        Assert.Equal(only, ScratchRepository.Run(clone, "rev-parse", "HEAD").Trim());
        Assert.Contains($"could not refresh", log[^1]);
        Assert.Contains(only[..12], log[^1]);
    }
}
