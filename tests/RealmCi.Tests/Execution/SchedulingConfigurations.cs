using RealmCi.Results;
using System.Collections.Concurrent;
using RealmCi.Execution;
using RealmCi.Matrix;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Execution;

public class SchedulingConfigurations
{
    private static IReadOnlyList<BuildConfiguration> Configs(int n) =>
        Selector.Select(Yaml.Open(Yaml.Grid(1, n)), new SelectionOptions()).Configurations;

    private static ConfigurationResult Result(BuildConfiguration c, ConfigurationStatus status) =>
        new(c.Id, status, [], [], null, ExecutorKind.Host, DateTimeOffset.UtcNow, 0, "/nowhere", "");

    /// <summary>Waits for a condition another thread brings about; the limit only keeps a broken scheduler from hanging the suite.</summary>
    private static Task Eventually(TaskCompletionSource signal) => signal.Task.WaitAsync(TimeSpan.FromMinutes(1));

    /// <summary>
    /// A fake run: records concurrency and cores, fails the Ids it is told to. With a gate, every
    /// run waits for the test to open it, so overlaps are made, not hoped for (no clock involved).
    /// </summary>
    private sealed class FakeRuns(params string[] failing)
    {
        private int running;
        public int MostAtOnce;
        public ConcurrentQueue<string> Started { get; } = new();
        public ConcurrentBag<int> Cores { get; } = [];
        public SemaphoreSlim? Gate { get; init; }

        /// <summary>Set once this many runs are running at the same time.</summary>
        public int SignalAt { get; init; } = int.MaxValue;
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<ConfigurationResult> Run(BuildConfiguration c, int cores, CancellationToken cancellation)
        {
            Started.Enqueue(c.Id);
            Cores.Add(cores);
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref MostAtOnce, now);
            if (now >= SignalAt) Reached.TrySetResult();
            try
            {
                if (Gate is { } gate) await gate.WaitAsync(cancellation);
                else await Task.Yield();
                return Result(c, failing.Contains(c.Id) ? ConfigurationStatus.Failed : ConfigurationStatus.Passed);
            }
            catch (OperationCanceledException) { return Result(c, ConfigurationStatus.Cancelled); }
            finally { Interlocked.Decrement(ref running); }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
        }
    }

    [Fact]
    public async Task NoMoreThanJobsRunAtOnceAndEveryConfigurationRuns()
    {
        var runs = new FakeRuns { Gate = new SemaphoreSlim(0), SignalAt = 3 };
        var scheduling = new Scheduler(new Capacity(3, 2), false).RunAsync(Configs(10), runs.Run, _ => { }, CancellationToken.None);
        await Eventually(runs.Reached); // three run at once, held by the gate
        Assert.Equal(3, runs.Started.Count);
        runs.Gate.Release(10);
        var results = await scheduling;
        Assert.Equal(10, results.Count);
        Assert.Equal(3, runs.MostAtOnce);
        Assert.All(runs.Cores, c => Assert.Equal(2, c));
    }

    [Fact]
    public async Task ResultsComeBackInSelectionOrderAndStartInIt()
    {
        var configs = Configs(8);
        var runs = new FakeRuns();
        var results = await new Scheduler(new Capacity(1, 1), false).RunAsync(configs, runs.Run, _ => { }, CancellationToken.None);
        Assert.Equal(configs.Select(c => c.Id), results.Select(r => r.Id));
        Assert.Equal(configs.Select(c => c.Id), runs.Started);
    }

    [Fact]
    public async Task KeepGoingRunsEveryConfigurationAfterAFailure()
    {
        var configs = Configs(6);
        var runs = new FakeRuns(configs[1].Id);
        var results = await new Scheduler(new Capacity(1, 1), failFast: false).RunAsync(configs, runs.Run, _ => { }, CancellationToken.None);
        Assert.Equal(6, results.Count);
        Assert.Single(results, r => r.Status == ConfigurationStatus.Failed);
    }

    [Fact]
    public async Task FailFastStartsNothingAfterTheFirstFailureAndListsTheRestAsNotRun()
    {
        var configs = Configs(6);
        var runs = new FakeRuns(configs[1].Id);
        var reported = new ConcurrentQueue<ConfigurationResult>();
        var results = await new Scheduler(new Capacity(1, 1), failFast: true).RunAsync(configs, runs.Run, reported.Enqueue, CancellationToken.None);
        Assert.Equal([configs[0].Id, configs[1].Id], runs.Started);
        Assert.Equal(configs.Select(c => c.Id), results.Select(r => r.Id));
        Assert.All(results.Skip(2), r =>
        {
            Assert.Equal(ConfigurationStatus.NotRun, r.Status);
            Assert.Equal($"not started: --fail-fast after {configs[1].Id} failed", r.Reason);
        });
        Assert.Equal(6, reported.Count); // the not-run ones are reported too, never dropped
    }

    [Theory]
    [InlineData(ConfigurationStatus.Cached)]
    [InlineData(ConfigurationStatus.Unavailable)]
    [InlineData(ConfigurationStatus.Passed)]
    public async Task FailFastCountsOnlyFailuresAsFailures(ConfigurationStatus first)
    {
        var configs = Configs(2);
        var started = new ConcurrentQueue<string>();
        var results = await new Scheduler(new Capacity(1, 1), failFast: true).RunAsync(configs, (c, _, _) =>
        {
            started.Enqueue(c.Id);
            return Task.FromResult(Result(c, c == configs[0] ? first : ConfigurationStatus.Passed));
        }, _ => { }, CancellationToken.None);
        Assert.Equal(configs.Select(c => c.Id), started);
        Assert.Equal([first, ConfigurationStatus.Passed], results.Select(r => r.Status));
    }

    [Fact]
    public async Task FailFastLetsRunningConfigurationsFinish()
    {
        var configs = Configs(6);
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstReported = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new ConcurrentQueue<string>();
        var results = await new Scheduler(new Capacity(2, 1), failFast: true).RunAsync(configs, async (c, _, _) =>
        {
            started.Enqueue(c.Id);
            if (c == configs[0]) { await Eventually(secondStarted); return Result(c, ConfigurationStatus.Failed); } // fails while the second runs
            secondStarted.TrySetResult();
            await Eventually(firstReported);
            return Result(c, ConfigurationStatus.Passed);
        }, r => { if (r.Id == configs[0].Id) firstReported.TrySetResult(); }, CancellationToken.None);
        Assert.Equal([configs[0].Id, configs[1].Id], started.Order(StringComparer.Ordinal)); // launched together: either may start first
        Assert.Equal(ConfigurationStatus.Passed, results[1].Status); // it was already running, and finished
        Assert.Equal(4, results.Count(r => r.Status == ConfigurationStatus.NotRun));
    }

    [Fact]
    public async Task CancellationStopsLaunchingAndRunningOnesSeeIt()
    {
        var configs = Configs(20);
        var runs = new FakeRuns { Gate = new SemaphoreSlim(0), SignalAt = 2 }; // the gate never opens: only cancellation ends a run
        using var cts = new CancellationTokenSource();
        var scheduling = new Scheduler(new Capacity(2, 1), false).RunAsync(configs, runs.Run, _ => { }, cts.Token);
        await Eventually(runs.Reached);
        await cts.CancelAsync(); // Ctrl-C while two run
        var results = await scheduling;
        Assert.Equal([configs[0].Id, configs[1].Id], runs.Started.Order(StringComparer.Ordinal)); // the first two, launched together: either may start first
        Assert.Equal(20, results.Count);
        Assert.All(results.Take(2), r => Assert.Equal(ConfigurationStatus.Cancelled, r.Status)); // the running ones saw it
        Assert.All(results.Skip(2), r => Assert.Equal("not started: interrupted", r.Reason));
    }

    [Fact]
    public async Task EachResultIsReportedAsSoonAsItFinishes()
    {
        var reported = new ConcurrentQueue<string>();
        var configs = Configs(4);
        await new Scheduler(new Capacity(1, 1), false).RunAsync(configs, async (c, cores, t) =>
        {
            // By the time the second configuration starts, the first has been reported.
            if (c.Id == configs[1].Id) Assert.Single(reported);
            return await new FakeRuns().Run(c, cores, t);
        }, r => reported.Enqueue(r.Id), CancellationToken.None);
        Assert.Equal(4, reported.Count);
    }

    [Theory]
    [InlineData(2, 24, null, null, 1, 2)]    // this machine: one build with both cores
    [InlineData(16, 64, null, null, 8, 2)]   // a workstation: eight builds, two cores each
    [InlineData(16, 8, null, null, 2, 8)]    // memory-bound: two builds, the cores split between them
    [InlineData(8, 64, 3, null, 3, 2)]       // --jobs=3: 8 cores / 3 jobs, never oversubscribed
    [InlineData(8, 64, 2, 6, 2, 6)]          // --parallel overrides the split
    public void TheCoresAreDividedAmongRunningBuilds(int cores, double memory, int? jobs, int? parallel, int expectJobs, int expectCores)
    {
        var c = Capacity.For(cores, memory, jobs, parallel);
        Assert.Equal((expectJobs, expectCores), (c.Jobs, c.CoresPerJob));
        if (parallel is null) Assert.True(c.Jobs * c.CoresPerJob <= cores);
    }

    [Fact]
    public void NoMoreJobsThanConfigurations() => Assert.Equal(1, Capacity.For(16, 64, selected: 1).Jobs);
}
