using RealmCi.Bisect;
using RealmCi.Errors;

namespace RealmCi.Tests.Bisect;

/// <summary>Real git bisect over the fixture history; the builds are judged from the checked-out source.</summary>
public sealed class BisectingAHistory : InTempFolder
{
    private readonly string repo;
    private readonly List<string> built = [];
    private readonly List<string> log = [];

    public BisectingAHistory() => repo = FixtureHistory.Create(Path.Combine(dir, "repo"));

    private Task<BisectOutcome> Run(string good = "v0.3.0", string bad = "main", string? test = null)
    {
        var options = new BisectOptions("release-local", good, bad, repo, Path.Combine(dir, "work")) { Test = test };
        return new Bisector(options, (commit, _) => Task.FromResult(FixtureHistory.FakeBuild(options.CloneFolder, commit, built)), log.Add).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ItNamesTheBreakingCommitAndSkipsTheOneThatDoesNotCompile()
    {
        var o = await Run();
        Assert.Equal("change 22: max_dim counts from one (breaks unit.max_dim)", o.FirstBadSubject);
        Assert.Equal(FixtureHistory.Git(repo, "rev-parse", "main~8"), o.FirstBad);
        Assert.Equal("unit.max_dim", o.Test);
        var skipped = Assert.Single(o.Runs, r => r.Verdict == Verdict.Skip);
        Assert.Equal("change 15: start work_in_progress (does not compile)", skipped.Subject);
        Assert.StartsWith("does not build", skipped.Why);
        Assert.Equal(30, o.Commits);
        Assert.InRange(o.Builds, 3, o.Bound);
        Assert.Equal(8, o.Builds); // both endpoints, change 15 (skipped) and five candidates: git bisect is deterministic
        Assert.Equal(8, o.Bound);
        Assert.Equal(built.Count, o.Builds);
        Assert.Equal("unit.max_dim: failed — exit code 1", o.BadRun?.TestLine);
        Assert.StartsWith("unit.max_dim: passed", o.GoodRun?.TestLine);
    }

    [Fact]
    public async Task TheUsersRepositoryIsOnlyRead()
    {
        var head = FixtureHistory.Git(repo, "rev-parse", "HEAD");
        var index = File.ReadAllBytes(Path.Combine(repo, ".git", "index"));
        await Run();
        Assert.Equal(head, FixtureHistory.Git(repo, "rev-parse", "HEAD"));
        Assert.Equal(index, File.ReadAllBytes(Path.Combine(repo, ".git", "index")));
        Assert.Equal("", FixtureHistory.Git(repo, "status", "--porcelain"));
        Assert.False(File.Exists(Path.Combine(repo, ".git", "BISECT_LOG")));
        Assert.True(File.Exists(Path.Combine(dir, "work", "source", ".git", "BISECT_LOG")));
        Assert.False(File.Exists(Path.Combine(dir, "work", "source", ".git", "objects", "info", "alternates")));
    }

    [Fact]
    public async Task ANamedTestOrPatternDecides()
    {
        Assert.Equal("change 22: max_dim counts from one (breaks unit.max_dim)", (await Run(test: "unit\\.max_.*")).FirstBadSubject);
        // A test that never fails: the bad endpoint is not bad.
        var e = await Assert.ThrowsAsync<RealmCiException>(() => Run(test: "unit.version"));
        Assert.StartsWith("--bad=main (", e.Message);
        Assert.Contains("is not bad: unit.version passed", e.Message);
        Assert.Equal(ExitCodes.Failed, e.ExitCode);
    }

    [Fact]
    public async Task AGoodEndpointThatFailsIsRefused()
    {
        var e = await Assert.ThrowsAsync<RealmCiException>(() => Run(good: "main~3"));
        Assert.Contains("is not good: unit.max_dim failed", e.Message);
    }

    [Fact]
    public async Task UnknownRefsAndRangesAreBadInput()
    {
        var e = await Assert.ThrowsAsync<RealmCiException>(() => Run(good: "v9"));
        Assert.Equal(($"--good=v9: not a commit in {repo}", ExitCodes.InvalidInput), (e.Message, e.ExitCode));
        e = await Assert.ThrowsAsync<RealmCiException>(() => Run(good: "main", bad: "v0.3.0"));
        Assert.Contains("is not an ancestor of --bad=v0.3.0", e.Message);
        Assert.Empty(built);
    }

    [Fact]
    public async Task WhenOnlySkippedCommitsAreLeftItSaysWhichTheyCouldBe()
    {
        // The breaking commit (6) comes right after the one that does not compile (5): git cannot tell them apart.
        var other = FixtureHistory.Create(Path.Combine(dir, "repo2"), commits: 10, breaks: 6, broken: 5);
        var options = new BisectOptions("release-local", "v0.3.0", "main", other, Path.Combine(dir, "work2"));
        var o = await new Bisector(options, (c, _) => Task.FromResult(FixtureHistory.FakeBuild(options.CloneFolder, c, built)), log.Add).RunAsync(CancellationToken.None);
        Assert.Null(o.FirstBad);
        Assert.Equal(new[] { FixtureHistory.Git(other, "rev-parse", "main~5"), FixtureHistory.Git(other, "rev-parse", "main~4") }.Order(), o.Candidates.Order());
        Assert.StartsWith("the first bad commit is one of 2", BisectReport.Summary(o, "r").First());
    }

    [Fact]
    public void GitsAnswersAreRead()
    {
        Assert.Null(Bisector.Answer("Bisecting: 3 revisions left to test after this (roughly 2 steps)\n[0bd33c82dd1a852d515769e34cbee3a1a26f0103] change 15\n"));
        Assert.Equal("0bd33c82dd1a852d515769e34cbee3a1a26f0103", Bisector.Answer("0bd33c82dd1a852d515769e34cbee3a1a26f0103 is the first bad commit\ncommit 0bd3…\n")?.FirstBad);
        var could = Bisector.Answer("There are only 'skip'ped commits left to test.\nThe first bad commit could be any of:\n0bd33c82dd1a852d515769e34cbee3a1a26f0103\n1bd33c82dd1a852d515769e34cbee3a1a26f0103\nWe cannot bisect more!\n");
        Assert.Null(could?.FirstBad);
        Assert.Equal(2, could?.Candidates.Length);
        Assert.Throws<RealmCiException>(() => Bisector.Answer("fatal: something else"));
    }
}
