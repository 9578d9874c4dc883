using RealmCi.Build.Host;
using RealmCi.Containers;
using RealmCi.Execution;
using RealmCi.Housekeeping;
using RealmCi.Matrix;
using Spectre.Console;

namespace RealmCi.Build.Tasks;

[TaskName("Shell")]
[TaskDescription("Open an interactive shell in one configuration's container (--config=ID)")]
public sealed class ShellTask : FrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context)
    {
        using var artifacts = ArtifactsLock.Acquire(context.Artifacts);
        var matrix = MatrixFile.Open(context.MatrixFile);
        if (context.Selection.Configs.Length != 1)
            throw new RealmCi.Errors.RealmCiException("--target=Shell needs exactly one --config=ID");
        var configuration = Selector.Select(matrix, context.Selection).Configurations[0];
        context.ExitCode = await InteractiveShell.RunAsync(configuration, await context.PipelineAsync(runTests: false), new DockerEngine(),
            line => context.Output.WriteLine(line), context.Cancellation);
    }
}
