using RealmCi.Results;
using RealmCi.CMake;
using RealmCi.Containers;
using RealmCi.Execution;
using RealmCi.Images;
using RealmCi.Matrix;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Execution;

public sealed class LosingTheEngine : InTempFolder
{

    /// <summary>An engine that has every image, then goes away when a container is run.</summary>
    private sealed class VanishingEngine : IContainerEngine
    {
        public string Endpoint => "unix:///var/run/docker.sock";
        public Task<EngineInfo> PingAsync(CancellationToken c) => Task.FromResult(new EngineInfo(Endpoint, "test", "1.41"));
        public Task<string?> ImageIdAsync(string r, CancellationToken c) => Task.FromResult<string?>("sha256:" + r.Length);
        public Task PullAsync(string r, Action<string> l, CancellationToken c) => Task.CompletedTask;
        public Task ImportAsync(Stream s, string r, CancellationToken c) => Task.CompletedTask;
        public Task BuildAsync(string d, IReadOnlyDictionary<string, string> f, string t, IReadOnlyDictionary<string, string> l, Action<string> log, CancellationToken c) => Task.CompletedTask;
        public Task<long> RunAsync(ContainerSpec s, Action<OutputLine> o, CancellationToken c) =>
            throw new EngineUnavailableException(Endpoint, "Connection reset by peer");
        public Task<IReadOnlyList<ContainerInfo>> ContainersAsync(string k, string? v, CancellationToken c) => Task.FromResult<IReadOnlyList<ContainerInfo>>([]);
        public Task RemoveAsync(string id, CancellationToken c) => Task.CompletedTask;
    }

    private sealed class Quiet : IRunObserver
    {
        public Task<T> Around<T>(Func<Task<T>> run) => run();
        public void Log(string line) { }
        public void Detail(ImageLine line) { }
        public void Queued(IReadOnlyList<BuildConfiguration> configurations) { }
        public void StepStarted(string id, StepKind step, string command) { }
        public void Progress(string id, int done, int total) { }
        public void Finished(ConfigurationResult result) { }
        public void Summary(IReadOnlyList<ConfigurationResult> results, int selected) { }
    }

    [Fact]
    public async Task TheRunningConfigurationFailsWithTheReasonInsteadOfHanging()
    {
        var engine = new VanishingEngine();
        var options = new PipelineOptions { Source = dir, Artifacts = Path.Combine(dir, "a"), Cache = Path.Combine(dir, "c"), GpuPresent = false, User = "0:0" };
        var c = Selector.Select(Yaml.Open(Yaml.Small), new SelectionOptions { Configs = ["a1-b1"] }).Configurations[0];
        var run = new ConfigurationRunner(options, engine, new ImagePreparer(engine, allowPull: false), new Quiet()).RunAsync(c, 1, CancellationToken.None);
        var result = await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ConfigurationStatus.Failed, result.Status);
        var failed = result.Steps.Single(s => s.Status == StepStatus.Failed);
        Assert.Equal(StepKind.Configure, failed.Step);
        Assert.Contains("no Docker engine answers", failed.Reason);
        Assert.True(File.Exists(Path.Combine(options.Artifacts, "a1-b1", "result.json")));
    }
}
