using RealmCi.Containers;
using RealmCi.Downstream;
using RealmCi.Errors;
using RealmCi.Execution;
using RealmCi.Matrix;
using RealmCi.Results;

namespace RealmCi.Bisect;

/// <summary>
/// The Bisect target's one entry point: bisects <paramref name="options"/> with each candidate
/// built by the pipeline (<paramref name="pipeline"/>, pointed at the clone), prints the answer and
/// writes <c>bisect.md</c>. Exit 0 when one first bad commit is named, 1 when skipped commits
/// leave several. With <paramref name="downstream"/> (--downstream) each candidate is a canary of
/// that downstream and its test decides.
/// </summary>
public static class BisectRun
{
    public static async Task<int> RunAsync(BisectOptions options, Selection selection, PipelineOptions pipeline, Func<IContainerEngine> connect,
        IRunObserver observer, Action<string> print, CancellationToken cancellation, DownstreamBisect? downstream = null)
    {
        if (selection.Configurations.Count != 1 || selection.Configurations[0].Id != options.ConfigId)
            throw new RealmCiException($"--target=Bisect needs exactly one configuration (--config=ID); the selection has {selection.Configurations.Count}");
        var artifacts = Path.Combine(options.Work, "artifacts");
        var candidatePipeline = pipeline with { Source = options.CloneFolder, Artifacts = artifacts };
        CandidateBuild build = downstream is null
            ? new PipelineCandidate(selection, candidatePipeline, connect, observer, options.Runs).BuildAsync
            : new DownstreamCandidate(downstream.Project, selection, candidatePipeline, downstream.Canary, connect, observer, options.Runs).BuildAsync;
        var outcome = await new Bisector(options, build, print).RunAsync(cancellation);
        var target = downstream is null ? "--target=Test" : $"--target=Canary {string.Join(" ", downstream.Canary.ReproduceArguments)}";
        var reproduce = outcome.FirstBad is null ? $"see {options.Report}"
            : $"git -C {options.CloneFolder} checkout --detach {outcome.FirstBad} && ./build.sh {target} --config={options.ConfigId} --realm-source={options.CloneFolder} --artifacts={artifacts}";
        foreach (var line in BisectReport.Summary(outcome, reproduce)) print(line);
        File.WriteAllText(options.Report, BisectReport.Markdown(outcome, reproduce));
        print($"report: {options.Report}");
        return outcome.FirstBad is null ? ExitCodes.Failed : ExitCodes.Success;
    }
}
