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
        var capture = new RecordingObserver(observer, forwardSummary: false);
        await Pipeline.RunAsync(selection, options, connect, capture, cancellation);
        var result = capture.Results.LastOrDefault() ?? throw new Errors.RealmCiException($"the pipeline gave no result for {commit}", Errors.ExitCodes.InternalError);
        return Keep(result, Path.Combine(runs, commit[..12]));
    }

    /// <summary>Copies the candidate's logs and result files (not the build tree) next to the report; returns the result.</summary>
    internal static ConfigurationResult Keep(ConfigurationResult result, string folder)
    {
        Directory.CreateDirectory(folder);
        if (!Directory.Exists(result.Artifacts)) return result; // not run (unavailable): nothing was written
        foreach (var file in Directory.EnumerateFiles(result.Artifacts).Where(f => f.EndsWith(".log", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".sh", StringComparison.Ordinal)))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        return result;
    }
}
