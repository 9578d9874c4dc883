using RealmCi.Build.Host;
using RealmCi.Containers;
using RealmCi.Execution;
using RealmCi.Matrix;
using RealmCi.Reporting;

namespace RealmCi.Build.Tasks;

[TaskName("Build")]
[TaskDescription("Configure, build and install the selected configurations (no tests)")]
public sealed class BuildTask : FrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context) => context.ExitCode = await Run(context, runTests: false);

    internal static Task<int> Run(BuildContext context, bool runTests)
    {
        var selection = Selector.Select(MatrixFile.Open(context.MatrixFile), context.Selection);
        var plain = new RunReporter(context.Output, context.Verbose);
        IRunObserver observer = RealmCi.Ci.CiLogObserver.Wrap(context.Live ? new LiveView(context.Output, plain) : plain, System.Environment.GetEnvironmentVariable, System.Console.Out);
        return Pipeline.RunAsync(selection, context.Pipeline(runTests), () => new DockerEngine(), observer, context.Cancellation);
    }
}
