using RealmCi.Build.Host;
using RealmCi.Execution;
using RealmCi.Housekeeping;
using RealmCi.Matrix;
using RealmCi.Reporting;
using RealmCi.Results;

namespace RealmCi.Build.Tasks;

[TaskName("Build")]
[TaskDescription("Configure, build and install the selected configurations (no tests)")]
public sealed class BuildTask : FrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context) => context.ExitCode = await Run(context, runTests: false);

    internal static async Task<int> Run(BuildContext context, bool runTests)
    {
        var matrix = context.Matrix;
        Selector.Select(matrix, context.Selection); // an empty selection is exit 5 before any lock, clone or engine call
        using var artifacts = ArtifactsLock.Acquire(context.Artifacts);
        var selection = Selector.Select(matrix, await context.SelectionWithOfferAsync(matrix.Definition));
        var options = await context.PipelineAsync(runTests);
        if (runTests) options = options with { History = context.Settings.History }; // the Test target's outcomes (Bisect's old commits never)
        selection = BuildContext.AsBuilt(selection, options);
        var observer = context.RunObserver();
        if (context.Settings.AbiBaseline is { } baseline) // the baseline's build first, then the selection compares with it
        {
            if (await RealmCi.Abi.AbiRun.PrepareAsync(baseline, selection, options, matrix.Definition.Abi, () => context.Engine, observer, context.Cancellation) is not { } underTest)
                return RealmCi.Errors.ExitCodes.Interrupted;
            (selection, options) = underTest;
        }
        if (options.FromPack is { } pack) await PackRun.VerifyAsync(pack, selection.Configurations, options, context.Cancellation);
        return await Pipeline.RunAsync(selection, options, () => context.Engine, observer, context.Cancellation);
    }
}
