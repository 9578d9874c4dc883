using RealmCi.Bisect;
using RealmCi.Build.Host;
using RealmCi.Containers;
using RealmCi.Housekeeping;
using RealmCi.Matrix;
using RealmCi.Reporting;
using Spectre.Console;

namespace RealmCi.Build.Tasks;

[TaskName("Bisect")]
[TaskDescription("Find the commit that broke a test: git bisect between --good and --bad in a clone, each candidate built and tested for one --config")]
public sealed class BisectTask : FrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context)
    {
        var s = context.Settings;
        if (context.Selection.Configs.Length != 1 || s.Good is null || s.Bad is null)
            throw new RealmCi.Errors.RealmCiException("--target=Bisect needs --config=ID, --good=REF and --bad=REF");
        using var artifacts = ArtifactsLock.Acquire(context.Artifacts);
        var matrix = MatrixFile.Open(context.MatrixFile);
        var selection = Selector.Select(matrix, context.Selection);
        var pipeline = (await context.PipelineAsync(runTests: true)) with { Quarantine = matrix.Definition.Quarantine, Signatures = matrix.Definition.Signatures };
        var options = new BisectOptions(context.Selection.Configs[0], s.Good, s.Bad, pipeline.Source, Path.Combine(context.Artifacts, "bisect")) { Test = s.BisectTest };
        context.ExitCode = await BisectRun.RunAsync(options, selection, pipeline, () => new DockerEngine(), new RunReporter(context.Output, context.Verbose),
            line => { var w = context.Output.Profile.Out.Writer; w.WriteLine(line); w.Flush(); }, context.Cancellation); // one line each, never wrapped
    }
}
