using RealmCi.Build.Host;
using RealmCi.Downstream;
using RealmCi.Housekeeping;
using RealmCi.Matrix;
using RealmCi.Reporting;
using RealmCi.Results;

namespace RealmCi.Build.Tasks;

[TaskName("Canary")]
[TaskDescription("Build the matrix file's downstreams (Legion) against the Realm under test and run their tests, then Realm's own tests (first, for an install composition)")]
public sealed class CanaryTask : FrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context)
    {
        var matrix = context.Matrix;
        Selector.Select(matrix, context.Selection); // an empty selection is exit 5 before any lock, clone or engine call
        using var artifacts = ArtifactsLock.Acquire(context.Artifacts);
        var selection = Selector.Select(matrix, await context.SelectionWithOfferAsync(matrix.Definition));
        var options = await context.PipelineAsync(runTests: true);
        selection = BuildContext.AsBuilt(selection, options);
        var canary = new CanaryOptions(context.Settings.DownstreamSources, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(context.MatrixFile))!);
        context.ExitCode = await CanaryPipeline.RunAsync(selection, options, matrix.Definition, canary, () => context.Engine, context.RunObserver(), context.Cancellation);
    }
}
