using RealmCi.Build.Host;
using RealmCi.Containers;
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
        using var artifacts = ArtifactsLock.Acquire(context.Artifacts);
        var matrix = MatrixFile.Open(context.MatrixFile);
        var selection = Selector.Select(matrix, await context.SelectionWithOfferAsync(matrix.Definition));
        var plain = new RunReporter(context.Output, context.Verbose);
        IRunObserver observer = RealmCi.Ci.CiLogObserver.Wrap(context.Live ? new LiveView(context.Output, plain) : plain, System.Environment.GetEnvironmentVariable, System.Console.Out);
        var options = (await context.PipelineAsync(runTests: true)) with { Quarantine = matrix.Definition.Quarantine };
        if (options.Coverage) selection = selection with { Configurations = [.. selection.Configurations.Select(RealmCi.CodeCoverage.CoverageBuild.Instrument)] };
        var canary = new CanaryOptions(context.Settings.DownstreamSources, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(context.MatrixFile))!);
        context.ExitCode = await CanaryPipeline.RunAsync(selection, options, matrix.Definition, canary, () => new DockerEngine(), observer, context.Cancellation);
    }
}
