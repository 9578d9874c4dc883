using RealmCi.Build.Host;

namespace RealmCi.Build.Tasks;

[TaskName("Test")]
[TaskDescription("Configure, build, test and install the selected configurations")]
public sealed class TestTask : FrostingTask<BuildContext>
{
    public override IEnumerable<string> Check(Settings settings)
    {
        if (settings.Pack && settings.FromPack is not null) yield return "--from-pack and --pack together: a run either makes a pack or tests from one";
        if (settings.FromPack is { } pack && !File.Exists(pack)) yield return $"--from-pack={pack}: no such file";
    }

    public override async Task RunAsync(BuildContext context) => context.ExitCode = await BuildTask.Run(context, runTests: true);
}
