using RealmCi.Results;
using System.Collections.Concurrent;
using RealmCi.CMake;
using RealmCi.Containers;
using RealmCi.Matrix;

namespace RealmCi.Tests.Execution;

/// <summary>
/// An engine above the narrow interface: it has the images it is given, "builds" an image by
/// reporting lines (optionally waiting on a gate), and "runs" a container by recording its spec
/// and returning 0.
/// </summary>
internal sealed class FakeEngine : IContainerEngine
{
    public ConcurrentDictionary<string, string> Images { get; } = new();
    public ConcurrentQueue<ContainerSpec> Ran { get; } = new();
    public ConcurrentQueue<string> Built { get; } = new();
    public TaskCompletionSource BuildGate { get; set; } = CompletedGate();
    public int Builds;

    public string Endpoint => "fake://";
    public Task<EngineInfo> PingAsync(CancellationToken c) => Task.FromResult(new EngineInfo(Endpoint, "fake", "1.41"));
    public Task<string?> ImageIdAsync(string r, CancellationToken c) => Task.FromResult(Images.TryGetValue(r, out var id) ? id : null);
    /// <summary>Images a pull finds (reference → id); any other pull fails as with no registry.</summary>
    public ConcurrentDictionary<string, string> Registry { get; } = new();

    public Task PullAsync(string r, Action<string> l, CancellationToken c)
    {
        if (!Registry.TryGetValue(r, out var id)) throw new InvalidOperationException("no registry");
        l($"{r}: Pulling from registry");
        l($"Status: Downloaded newer image for {r}");
        Images[r] = id;
        return Task.CompletedTask;
    }
    public Task ImportAsync(Stream s, string r, CancellationToken c) { Images[r] = "sha256:" + r; return Task.CompletedTask; }

    public async Task BuildAsync(string d, IReadOnlyDictionary<string, string> f, string t, IReadOnlyDictionary<string, string> l, Action<string> log, CancellationToken c)
    {
        Interlocked.Increment(ref Builds);
        log("Step 1/3 : FROM base");
        await BuildGate.Task.WaitAsync(c);
        log("Step 3/3 : RUN apt-get install");
        Images[t] = "sha256:" + t;
        Built.Enqueue(t);
    }

    public Task<long> RunAsync(ContainerSpec s, Action<OutputLine> o, CancellationToken c)
    {
        Ran.Enqueue(s);
        o(new OutputLine($"ran {string.Join(' ', s.Command)}"));
        return Task.FromResult(0L);
    }

    public Task<IReadOnlyList<ContainerInfo>> ContainersAsync(string k, string? v, CancellationToken c) => Task.FromResult<IReadOnlyList<ContainerInfo>>([]);
    public Task RemoveAsync(string id, CancellationToken c) => Task.CompletedTask;

    private static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource();
        gate.SetResult();
        return gate;
    }
}

/// <summary>An observer that keeps what it was told.</summary>
internal sealed class RecordingObserver : IRunObserver
{
    public ConcurrentQueue<string> Lines { get; } = new();
    public ConcurrentQueue<ImageLine> Details { get; } = new();
    public Task<T> Around<T>(Func<Task<T>> run) => run();
    public void Log(string line) => Lines.Enqueue(line);
    public void Detail(ImageLine line) => Details.Enqueue(line);
    public void Queued(IReadOnlyList<BuildConfiguration> configurations) { }
    public void StepStarted(string id, StepKind step, string command) => Lines.Enqueue($"{id} {step}");
    public void Progress(string id, int done, int total) { }
    public void Finished(ConfigurationResult result) => Lines.Enqueue($"{result.Id} {result.Status}");
    public void Summary(IReadOnlyList<ConfigurationResult> results, int selected) { }
}
