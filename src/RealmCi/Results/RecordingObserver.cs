using RealmCi.Matrix;

namespace RealmCi.Results;

/// <summary>
/// Passes every event on to the target's own observer and keeps each configuration's result
/// (Release's binaries, one Bisect candidate). Without <paramref name="forwardSummary"/> the run's
/// summary is left to the caller (Bisect prints its own).
/// </summary>
public sealed class RecordingObserver(IRunObserver inner, bool forwardSummary = true) : IRunObserver
{
    private readonly List<ConfigurationResult> results = [];

    public IReadOnlyList<ConfigurationResult> Results { get { lock (results) return [.. results]; } }

    public Task<T> Around<T>(Func<Task<T>> run) => inner.Around(run);

    public void Log(string line) => inner.Log(line);

    public void Detail(ImageLine line) => inner.Detail(line);

    public void Queued(IReadOnlyList<BuildConfiguration> configurations) => inner.Queued(configurations);

    public void StepStarted(string id, StepKind step, string command) => inner.StepStarted(id, step, command);

    public void Progress(string id, int done, int total) => inner.Progress(id, done, total);

    public void Finished(ConfigurationResult result)
    {
        lock (results) results.Add(result);
        inner.Finished(result);
    }

    public void Summary(IReadOnlyList<ConfigurationResult> results, int selected)
    {
        if (forwardSummary) inner.Summary(results, selected);
    }
}
