using RealmCi.Containers;
using RealmCi.Downstream;
using RealmCi.Execution;
using RealmCi.Matrix;
using RealmCi.Results;

namespace RealmCi.Bisect;

/// <summary>
/// Bisect --downstream: the clone's checked-out commit is the Realm under test of a canary of one
/// downstream (Legion), and the downstream's result decides. For an overlay composition only the
/// downstream is built (Realm's own tests do not decide and are not run); for an install
/// composition Realm is built and installed first. The composed copy is kept in place between
/// candidates (only changed files are rewritten) and the downstream's build tree is reused, so each
/// candidate rebuilds what its Realm changed. Each candidate's downstream logs are kept under runs/.
/// </summary>
public sealed class DownstreamCandidate(DownstreamProject downstream, Selection selection, PipelineOptions options, CanaryOptions canary,
    Func<IContainerEngine> connect, IRunObserver observer, string runs)
{
    public async Task<ConfigurationResult> BuildAsync(string commit, CancellationToken cancellation)
    {
        IReadOnlyList<ConfigurationResult> realm = [];
        if (downstream.Compose.IsInstall)
        {
            var capture = new RecordingObserver(observer, forwardSummary: false);
            await Pipeline.RunAsync(selection, options with { Force = true }, connect, capture, cancellation); // a cached result brings back no install tree
            realm = capture.Results;
            if (realm.LastOrDefault() is { Succeeded: false } failed && failed.Steps.Any(s => s.Step is StepKind.Image or StepKind.Configure or StepKind.Build && s.Status != StepStatus.Passed))
                return PipelineCandidate.Keep(failed, Path.Combine(runs, commit[..12])); // Realm itself does not build here: skip
        }
        var recorder = new RecordingObserver(observer, forwardSummary: false);
        var run = await CanaryPipeline.RunDownstreamAsync(downstream, selection, options, canary, realm, connect, recorder, cancellation, realmsOwnTests: false);
        run.Report(realm);
        var result = run.Results.LastOrDefault() ?? throw new Errors.RealmCiException($"the canary gave no {downstream.Name} result for {commit}", Errors.ExitCodes.InternalError);
        return PipelineCandidate.Keep(result, Path.Combine(runs, commit[..12]));
    }
}
