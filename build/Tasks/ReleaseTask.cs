using RealmCi.Build.Host;
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
    public override IEnumerable<string> Check(Settings settings)
    {
        if (settings.Tag is not { } tag) yield return "--target=Release needs --tag=TAG";
        else if (GitTag.NameProblem(tag) is { } problem) yield return problem;
        // A dry run refuses what the real run would.
        foreach (var refusal in ReleasePipeline.Refusals(settings.Executor, BuildContext.ConsumerOf(settings))) yield return refusal;
    }

    public override async Task RunAsync(BuildContext context)
    {
        var matrix = context.Matrix;
        // Without --profile or --config, a release is the matrix's 'release' profile (when it has one).
        var asked = context.Settings.Profiles.IsEmpty && context.Selection.Configs.IsEmpty && matrix.Definition.Profiles.ContainsKey("release")
            ? context.Selection with { Profile = "release" } : context.Selection;
        Selector.Select(matrix, asked); // empty: exit 5, before the lock and the clone
        // With what this host offers: a configuration whose GPU tests cannot run here is refused (or left out) before anything is built.
        var offered = await context.SelectionWithOfferAsync(matrix.Definition);
        var selection = Selector.Select(matrix, offered with { Profile = asked.Profile });
        using var artifacts = context.Settings.DryRun ? null : ArtifactsLock.Acquire(context.Artifacts); // a dry run writes nothing
        var pipeline = await context.PipelineAsync(runTests: true);
        var release = context.Release(pipeline.Source, matrix.Definition.Project);
        var plain = new RunReporter(context.Output, context.Verbose);
        IRunObserver observer = context.Live ? new LiveView(context.Output, plain) : plain;
        context.ExitCode = await ReleasePipeline.RunAsync(selection, release, pipeline, () => context.Engine, observer, plain.Log,
            line => context.Output.WriteLine(line), context.Cancellation);
    }
}
