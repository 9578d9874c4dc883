using RealmCi.Build.Host;

namespace RealmCi.Build.Tasks;

[TaskName("Test")]
[TaskDescription("Configure, build, test and install the selected configurations")]
public sealed class TestTask : FrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context) => context.ExitCode = await BuildTask.Run(context, runTests: true);
}
