using RealmCi.Containers;
using RealmCi.Errors;
using RealmCi.Execution;
using RealmCi.Matrix;
using RealmCi.Results;

namespace RealmCi.Bisect;

/// <summary>
/// The Bisect target's one entry point: bisects <paramref name="options"/> with each candidate
/// built by the pipeline (<paramref name="pipeline"/>, pointed at the clone), prints the answer and
/// writes <c>bisect.md</c>. Exit 0 when one first bad commit is named, 1 when skipped commits
/// leave several.
/// </summary>
public static class BisectRun
{
    public static async Task<int> RunAsync(BisectOptions options, Selection selection, PipelineOptions pipeline, Func<IContainerEngine> connect,
        IRunObserver observer, Action<string> print, CancellationToken cancellation)
    {
        if (selection.Configurations.Count != 1 || selection.Configurations[0].Id != options.ConfigId)
            throw new RealmCiException($"--target=Bisect needs exactly one configuration (--config=ID); the selection has {selection.Configurations.Count}");
        var candidate = new PipelineCandidate(selection, pipeline with
        {
            Source = options.CloneFolder,
            Artifacts = Path.Combine(options.Work, "artifacts"),
        }, connect, observer, options.Runs);
        var outcome = await new Bisector(options, candidate.BuildAsync, print).RunAsync(cancellation);
        var reproduce = outcome.FirstBad is null ? $"see {options.Report}"
            : $"git -C {options.CloneFolder} checkout --detach {outcome.FirstBad} && ./build.sh --target=Test --config={options.ConfigId} --realm-source={options.CloneFolder} --artifacts={Path.Combine(options.Work, "artifacts")}";
        foreach (var line in BisectReport.Summary(outcome, reproduce)) print(line);
        File.WriteAllText(options.Report, BisectReport.Markdown(outcome, reproduce));
        print($"report: {options.Report}");
        return outcome.FirstBad is null ? ExitCodes.Failed : ExitCodes.Success;
    }
}
