using RealmCi.Build.Host;
using RealmCi.Flakiness;

namespace RealmCi.Build.Tasks;

[TaskName("Flaky")]
[TaskDescription("List the flakiest tests from this cache's history of earlier Test runs (--format=table|json, --select/--skip by Id)")]
public sealed class FlakyTask : FrostingTask<BuildContext>
{
    public override Task RunAsync(BuildContext context)
    {
        FlakyListing.Run(new HistoryStore(context.Cache), context.Selection.Select, context.Selection.Skip, context.Format, context.Output, context.StandardOutput);
        return Task.CompletedTask;
    }
}
