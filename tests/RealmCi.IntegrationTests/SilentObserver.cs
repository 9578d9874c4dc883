using RealmCi.Results;
using RealmCi.CMake;
using RealmCi.Execution;
using RealmCi.Matrix;

namespace RealmCi.IntegrationTests;

/// <summary>An observer that keeps what it was told, for assertions.</summary>
public sealed class SilentObserver : IRunObserver
{
    public List<string> Lines { get; } = [];

    public Task<T> Around<T>(Func<Task<T>> run) => run();
    public void Log(string line) { lock (Lines) Lines.Add(line); }
    public List<ImageLine> Details { get; } = [];
    public void Detail(ImageLine line) { lock (Details) Details.Add(line); }
    public void Queued(IReadOnlyList<BuildConfiguration> configurations) { }
    public void StepStarted(string id, StepKind step, string command) { lock (Lines) Lines.Add($"{id} {step}"); }
    public void Progress(string id, int done, int total) { lock (Lines) Lines.Add($"{id} {done}/{total}"); }
    public void Finished(ConfigurationResult result) { lock (Lines) Lines.Add($"{result.Id} {result.Status}"); }
    public void Summary(IReadOnlyList<ConfigurationResult> results, int selected) { }
}
