using RealmCi.Build.Host;
using RealmCi.Execution;
using RealmCi.Housekeeping;
using RealmCi.Matrix;
using RealmCi.Reporting;

namespace RealmCi.Build.Tasks;

[TaskName("Images")]
[TaskDescription("Prepare the images of the selected configurations (no Realm build)")]
public sealed class ImagesTask : FrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context)
    {
        var selection = Selector.Select(context.Matrix, context.Selection);
        using var artifacts = ArtifactsLock.Acquire(context.Artifacts);
        context.ExitCode = await Pipeline.PrepareImagesAsync(selection, context.Pull, () => context.Engine, new RunReporter(context.Output, context.Verbose), context.Cancellation,
            context.SourceCache());
    }
}
