using System.Collections.Immutable;
using RealmCi.Ci;
using RealmCi.Matrix;

namespace RealmCi.Tests.Ci;

public class GroupingJobs
{
    private static readonly Runner Cpu = new("cpu", ["ubuntu-24.04"], ["docker"]);
    private static readonly Runner Gpu = new("nvidia", ["self-hosted", "nvidia"], ["nvidia"]);

    private static List<Placement> Configs(int n, Func<int, Runner>? runner = null) =>
        Enumerable.Range(0, n).Select(i => new Placement($"cfg{i:D5}", runner?.Invoke(i) ?? Cpu)).ToList();

    private static void ExactlyOnce(IReadOnlyList<Placement> placements, IReadOnlyList<CiJob> jobs)
    {
        var placed = jobs.SelectMany(j => j.Ids).ToList();
        Assert.Equal(placements.Count, placed.Count);
        Assert.Equal(placements.Select(p => p.Id).Order(StringComparer.Ordinal), placed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NoConfigurationsGiveNoJobs() => Assert.Empty(JobGrouping.Group([], ["--profile=pr"], 256));

    [Fact]
    public void OneConfigurationIsOneJobNamedByItsId()
    {
        var job = Assert.Single(JobGrouping.Group(Configs(1), ["--profile=pr"], 256));
        Assert.Equal("cfg00000", job.Name);
        Assert.Equal(["--config=cfg00000"], job.Args.ToArray());
    }

    [Theory]
    [InlineData(256)]
    [InlineData(200)]
    public void UpToTheCapEveryConfigurationIsItsOwnJobInSelectionOrder(int cap)
    {
        var configs = Configs(cap);
        var jobs = JobGrouping.Group(configs, ["--profile=nightly"], cap);
        Assert.Equal(configs.Select(c => c.Id), jobs.Select(j => j.Name));
    }

    [Theory]
    [InlineData(256)] // GitHub: jobs per matrix
    [InlineData(200)] // GitLab: jobs per parallel:matrix / child pipeline
    [InlineData(50)]  // needs per job
    public void TenThousandConfigurationsFitUnderTheCapEachExactlyOnce(int cap)
    {
        var configs = Configs(10_000);
        var jobs = JobGrouping.Group(configs, ["--profile=nightly"], cap);
        Assert.Equal(cap, jobs.Count);
        ExactlyOnce(configs, jobs);
        Assert.All(jobs, j => Assert.InRange(j.Ids.Length, 10_000 / cap, 10_000 / cap + 1));
    }

    [Fact]
    public void OneMoreThanTheCapBecomesShardsOfTheWholeSelection()
    {
        var configs = Configs(257);
        var jobs = JobGrouping.Group(configs, ["--profile=nightly"], 256);
        Assert.Equal(256, jobs.Count);
        Assert.Equal(["--profile=nightly", "--shard=1/256"], jobs[0].Args.ToArray());
        // Readable names: a job of one configuration is named by its Id, the one job of two by both.
        Assert.All(jobs.Where(j => j.Ids.Length == 1), j => Assert.Equal(j.Ids[0], j.Name));
        var pair = Assert.Single(jobs, j => j.Ids.Length == 2);
        Assert.Equal($"{pair.Ids[0]}+{pair.Ids[1]}", pair.Name);
        ExactlyOnce(configs, jobs);
    }

    [Fact]
    public void AGroupOfManyIsNamedByItsFirstIdAndHowManyMore()
    {
        var jobs = JobGrouping.Group(Configs(1_000), ["--profile=nightly"], 100);
        Assert.All(jobs, j => Assert.Equal($"{j.Ids[0]}+{j.Ids.Length - 1}-more", j.Name));
        Assert.Equal(jobs.Count, jobs.Select(j => j.Name).Distinct().Count());
    }

    [Fact]
    public void TheSameSelectionGivesTheSameJobsInTheSameOrder()
    {
        var a = JobGrouping.Group(Configs(2_000, i => i % 7 == 0 ? Gpu : Cpu), ["--profile=nightly"], 200);
        var b = JobGrouping.Group(Configs(2_000, i => i % 7 == 0 ? Gpu : Cpu), ["--profile=nightly"], 200);
        Assert.Equal(a.Select(j => (j.Name, string.Join(' ', j.Args))), b.Select(j => (j.Name, string.Join(' ', j.Args))));
    }

    [Fact]
    public void RunnersNeverShareAJobAndEachGetsItsShareOfTheCap()
    {
        var configs = Configs(10_000, i => i % 10 == 0 ? Gpu : Cpu);
        var jobs = JobGrouping.Group(configs, ["--profile=nightly"], 200);
        Assert.True(jobs.Count <= 200);
        ExactlyOnce(configs, jobs);
        var gpuIds = configs.Where(c => c.Runner == Gpu).Select(c => c.Id).ToHashSet();
        Assert.All(jobs, j => Assert.True(j.Ids.All(gpuIds.Contains) || !j.Ids.Any(gpuIds.Contains), j.Name));
        Assert.Equal(20, jobs.Count(j => j.Runner == Gpu));
        // Mixed runners cannot use --shard of the whole selection: each job names its configurations.
        Assert.All(jobs, j => Assert.Equal(j.Ids.Select(id => $"--config={id}"), j.Args));
    }

    [Fact]
    public void ARunnerWithOneConfigurationStillGetsAJob()
    {
        var configs = Configs(1_000, i => i == 500 ? Gpu : Cpu);
        var jobs = JobGrouping.Group(configs, [], 256);
        var gpu = Assert.Single(jobs, j => j.Runner == Gpu);
        Assert.Equal(["cfg00500"], gpu.Ids.ToArray());
        ExactlyOnce(configs, jobs);
    }

    [Fact]
    public void EachShardJobSelectsWhatBuildShSelectsWithThatShard()
    {
        // A real matrix with 3 × 4 × 5 × 6 = 360 configurations, more than GitHub's cap.
        var matrix = MatrixFile.Parse("""
            version: 1
            project: big
            bases: { b: { image: "debian:bookworm" } }
            defaults: { base: b }
            axes:
              a: { values: { a1: {}, a2: {}, a3: {} } }
              b: { values: { b1: {}, b2: {}, b3: {}, b4: {} } }
              c: { values: { c1: {}, c2: {}, c3: {}, c4: {}, c5: {} } }
              d: { values: { d1: {}, d2: {}, d3: {}, d4: {}, d5: {}, d6: {} } }
            profiles:
              all: { strategy: all }
            """);
        var plan = CiPlanner.Plan(matrix, new CiSettings(), new SelectionOptions(), "all", Caps.Github);
        Assert.Equal(256, plan.Jobs.Count);
        Assert.Equal(360, plan.Jobs.Sum(j => j.Ids.Length));
        foreach (var job in new[] { plan.Jobs[0], plan.Jobs[1], plan.Jobs[127], plan.Jobs[255] })
        {
            var shard = Shard.Parse(job.Args.Single(a => a.StartsWith("--shard=")).Split('=')[1]);
            var selected = Selector.Select(matrix, new SelectionOptions { Profile = "all", Shard = shard }).Configurations.Select(c => c.Id);
            Assert.Equal(job.Ids.ToArray(), selected);
        }
    }
}
