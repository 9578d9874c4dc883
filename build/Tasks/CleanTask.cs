using RealmCi.Results;
using RealmCi.Build.Host;
using RealmCi.Execution;
using RealmCi.Housekeeping;
using Spectre.Console;

namespace RealmCi.Build.Tasks;

/// <summary>
/// Named Clean because that is where a Cake user looks to reclaim space; unlike most Clean
/// targets it only shows until asked (<c>--remove</c>), because what it removes (an 8 GB CUDA
/// image, hours of ccache) is slow to make again.
/// </summary>
[TaskName("Clean")]
[TaskDescription("Show realm-ci's images, build trees and caches with sizes; --remove [--older-than=DAYS] removes them")]
public sealed class CleanTask : FrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context)
    {
        var settings = context.Settings;
        using var artifacts = settings.Remove ? ArtifactsLock.Acquire(context.Artifacts) : null; // no run may be writing build trees
        var engine = context.Executor == ExecutorKind.Host ? null : context.Cleaner;
        var request = new CleanRequest(context.Artifacts, context.Cache) { OlderThan = settings.OlderThan, Remove = settings.Remove };
        context.ExitCode = await DiskCleanup.RunAsync(request, engine, line => context.Output.WriteLine(line), context.Cancellation);
    }
}
