using RealmCi.Bisect;
using RealmCi.Build.Host;
using RealmCi.Housekeeping;
using RealmCi.Matrix;
using RealmCi.Reporting;
using Spectre.Console;

namespace RealmCi.Build.Tasks;

[TaskName("Bisect")]
[TaskDescription("Find the commit that broke a test: git bisect between --good and --bad in a clone, each candidate built and tested for one --config")]
public sealed class BisectTask : FrostingTask<BuildContext>
{
    public override IEnumerable<string> Check(Settings settings)
    {
        if (settings.Selection.Configs.Length != 1) yield return "--target=Bisect needs exactly one --config=ID";
        if (settings.Good is null) yield return "--target=Bisect needs --good=REF (a commit where the test passes)";
        if (settings.Bad is null) yield return "--target=Bisect needs --bad=REF (a later commit where it fails)";
        if (settings.Downstream is null && settings.DownstreamSources.Count > 0) yield return "--downstream-source: Bisect reads it only with --downstream (the downstream's test decides)";
    }

    public override async Task RunAsync(BuildContext context)
    {
        var s = context.Settings;
        var selection = Selector.Select(context.Matrix, context.Selection);
        // --downstream: its name and sources are checked before any lock, clone or engine call.
        var downstream = s.Downstream is null ? null : DownstreamBisect.For(context.Matrix.Definition, s.Downstream,
            new RealmCi.Downstream.CanaryOptions(s.DownstreamSources, Path.GetDirectoryName(Path.GetFullPath(context.MatrixFile))!));
        using var artifacts = ArtifactsLock.Acquire(context.Artifacts);
        var pipeline = await context.PipelineAsync(runTests: true);
        var options = new BisectOptions(context.Selection.Configs[0], s.Good!, s.Bad!, pipeline.Source, new RealmCi.Layout.ArtifactsFolder(context.Artifacts).Bisect) { Test = s.BisectTest, Downstream = downstream?.Project.Name };
        context.ExitCode = await BisectRun.RunAsync(options, selection, pipeline, () => context.Engine, new RunReporter(context.Output, context.Verbose),
            line => { var w = context.Output.Profile.Out.Writer; w.WriteLine(line); w.Flush(); }, context.Cancellation, downstream); // one line each, never wrapped
    }
}
