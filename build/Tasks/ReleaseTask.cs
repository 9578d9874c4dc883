using RealmCi.Build.Host;
using RealmCi.Containers;
using RealmCi.Errors;
using RealmCi.Execution;
using RealmCi.Housekeeping;
using RealmCi.Matrix;
using RealmCi.Release;
using RealmCi.Reporting;
using RealmCi.Results;
using Spectre.Console;

namespace RealmCi.Build.Tasks;

[TaskName("Release")]
[TaskDescription("Release a tag (--tag=TAG): source package, tested binaries, SHA256SUMS, manifest, SBOMs, notes, consumer check")]
public sealed class ReleaseTask : FrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context)
    {
        using var artifacts = context.Settings.DryRun ? null : ArtifactsLock.Acquire(context.Artifacts); // a dry run writes nothing
        var matrix = MatrixFile.Open(context.MatrixFile);
        Selection selection;
        // Without --profile or --config, a release is the matrix's 'release' profile (when it has one).
        var asked = context.Argument("profile") is null && context.Selection.Configs.IsEmpty && matrix.Definition.Profiles.ContainsKey("release")
            ? context.Selection with { Profile = "release" } : context.Selection;
        try { selection = Selector.Select(matrix, asked); }
        catch (RealmCiException e) when (e.Message.StartsWith("the selection is empty", StringComparison.Ordinal))
        {
            throw new RealmCiException(e.Message, ExitCodes.EmptySelection, e);
        }
        var pipeline = await context.PipelineAsync(runTests: true);
        var release = context.Release(pipeline.Source, matrix.Definition.Project);
        var plain = new RunReporter(context.Output, context.Verbose);
        IRunObserver observer = context.Live ? new LiveView(context.Output, plain) : plain;
        context.ExitCode = await ReleasePipeline.RunAsync(selection, release, pipeline, () => new DockerEngine(), observer, plain.Log,
            line => context.Output.WriteLine(line), context.Cancellation);
    }
}
