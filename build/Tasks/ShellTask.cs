using RealmCi.Build.Host;
using RealmCi.Execution;
using RealmCi.Housekeeping;
using RealmCi.Matrix;
using Spectre.Console;

namespace RealmCi.Build.Tasks;

[TaskName("Shell")]
[TaskDescription("Open an interactive shell in one configuration's container (--config=ID)")]
public sealed class ShellTask : FrostingTask<BuildContext>
{
    public override IEnumerable<string> Check(Settings settings)
    {
        if (settings.Selection.Configs.Length != 1) yield return "--target=Shell needs exactly one --config=ID";
    }

    public override async Task RunAsync(BuildContext context)
    {
        var configuration = Selector.Select(context.Matrix, context.Selection).Configurations[0];
        using var artifacts = ArtifactsLock.Acquire(context.Artifacts);
        context.ExitCode = await InteractiveShell.RunAsync(configuration, await context.PipelineAsync(runTests: false), context.Engine,
            line => context.Output.WriteLine(line), context.Cancellation);
    }
}
