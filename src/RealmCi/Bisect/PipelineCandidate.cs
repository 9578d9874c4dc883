using RealmCi.Containers;
using RealmCi.Execution;
using RealmCi.Matrix;
using RealmCi.Results;

namespace RealmCi.Bisect;

/// <summary>
/// Builds and tests the clone's checked-out commit through the normal pipeline: the same image
/// (its tag is a hash of the recipe), the shared ccache, the result cache (a commit already
/// tried and passed is a cache hit), and one artifacts folder whose build tree each candidate
/// reuses, so Ninja rebuilds only what changed. Each candidate's logs are kept under runs/.
/// </summary>
public sealed class PipelineCandidate(Selection selection, PipelineOptions options, Func<IContainerEngine> connect, IRunObserver observer, string runs)
{
    public async Task<ConfigurationResult> BuildAsync(string commit, CancellationToken cancellation)
    {
        var capture = new Capture(observer);
        await Pipeline.RunAsync(selection, options, connect, capture, cancellation);
        var result = capture.Result ?? throw new Errors.RealmCiException($"the pipeline gave no result for {commit}", Errors.ExitCodes.InternalError);
        Keep(result, Path.Combine(runs, commit[..12]));
        return result;
    }

    /// <summary>Copies the candidate's logs and result files (not the build tree) next to the report.</summary>
    private static void Keep(ConfigurationResult result, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(result.Artifacts).Where(f => f.EndsWith(".log", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".sh", StringComparison.Ordinal)))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
    }

    /// <summary>Forwards every event and keeps the configuration's result.</summary>
    private sealed class Capture(IRunObserver inner) : IRunObserver
    {
        public ConfigurationResult? Result { get; private set; }
        public Task<T> Around<T>(Func<Task<T>> run) => inner.Around(run);
        public void Log(string line) => inner.Log(line);
        public void Detail(string line) => inner.Detail(line);
        public void Queued(IReadOnlyList<BuildConfiguration> configurations) => inner.Queued(configurations);
        public void StepStarted(string id, CMake.StepKind step, string command) => inner.StepStarted(id, step, command);
        public void Progress(string id, int done, int total) => inner.Progress(id, done, total);
        public void Finished(ConfigurationResult result) { Result = result; inner.Finished(result); }
        public void Summary(IReadOnlyList<ConfigurationResult> results, int selected) { }
    }
}
