using System.Collections.Immutable;
using RealmCi.Errors;

namespace RealmCi.Bisect;

/// <summary>
/// Runs <c>git bisect</c> in a clone: the bad endpoint first (it names the deciding test when
/// none is given), then the good one, then each candidate git checks out — built and tested by
/// <paramref name="build"/> (the normal pipeline) and judged by <see cref="TestSelector.Judge"/>:
/// good, bad, or skip for a commit that does not configure or build. One run per commit: a flaky
/// test can send it the wrong way (see the README: rerun the answer's two runs to confirm).
/// </summary>
public sealed class Bisector(BisectOptions options, CandidateBuild build, Action<string> log)
{
    public async Task<BisectOutcome> RunAsync(CancellationToken cancellation)
    {
        var good = await BisectRepository.ResolveAsync(options.Source, options.Good, "--good", cancellation);
        var bad = await BisectRepository.ResolveAsync(options.Source, options.Bad, "--bad", cancellation);
        var repo = await BisectRepository.CloneAsync(options.Source, options.CloneFolder, cancellation);
        if (!await repo.IsAncestorAsync(good, bad, cancellation))
            throw new RealmCiException($"--good={options.Good} is not an ancestor of --bad={options.Bad}: nothing to bisect between them");
        var commits = await repo.CountAsync(good, bad, cancellation);
        log($"bisecting {options.ConfigId}: {commits} commit(s) after {Short(good)} up to {Short(bad)}, in a clone at {repo.Path}");

        var runs = new List<CandidateRun>();
        var selector = options.Test is null ? null : new TestSelector(options.Test);
        async Task<CandidateRun> Try(string commit)
        {
            await repo.CheckoutAsync(commit, cancellation);
            var subject = await repo.SubjectAsync(commit, cancellation);
            log($"[{runs.Count + 1}] {Short(commit)} {subject}: building and testing");
            var result = await build(commit, cancellation);
            selector ??= TestSelector.FirstFailure(result); // no --test: the bad endpoint's first failing test decides
            var (verdict, why, line) = selector.Judge(result);
            var run = new CandidateRun(commit, subject, verdict, why, line, result.Seconds, result.Status == Results.ConfigurationStatus.Cached);
            runs.Add(run);
            log($"[{runs.Count}] {Short(commit)}: {verdict.ToString().ToLowerInvariant()} — {why} ({result.Seconds:F0} s{(run.Cached ? ", cached" : "")})");
            return run;
        }

        var badRun = await Try(bad);
        if (badRun.Verdict != Verdict.Bad)
            throw new RealmCiException($"--bad={options.Bad} ({Short(bad)}) is not bad: {badRun.Why}", ExitCodes.Failed);
        var goodRun = await Try(good);
        if (goodRun.Verdict != Verdict.Good)
            throw new RealmCiException($"--good={options.Good} ({Short(good)}) is not good: {goodRun.Why}", ExitCodes.Failed);

        var output = await repo.StartAsync(bad, good, cancellation);
        while (Answer(output) is null)
        {
            var head = await repo.HeadAsync(cancellation);
            var run = runs.LastOrDefault(r => r.Commit == head) ?? await Try(head);
            output = await repo.MarkAsync(run.Verdict, cancellation);
        }
        var (firstBad, candidates) = Answer(output)!.Value;
        var gitLog = await repo.LogAsync(cancellation);
        return new BisectOutcome(options.ConfigId, selector!.Text, good, bad, commits, firstBad,
            firstBad is null ? null : await repo.SubjectAsync(firstBad, cancellation), candidates, [.. runs], gitLog);
    }

    /// <summary>
    /// What git's output says: the first bad commit ("SHA is the first bad commit"), or the
    /// commits it could be when only skipped ones are left; null while bisecting goes on.
    /// </summary>
    internal static (string? FirstBad, ImmutableArray<string> Candidates)? Answer(string output)
    {
        var lines = output.Split('\n').Select(l => l.Trim()).ToList();
        if (lines.FirstOrDefault(l => l.EndsWith(" is the first bad commit", StringComparison.Ordinal)) is { } found)
            return (found.Split(' ')[0], [found.Split(' ')[0]]);
        var could = lines.FindIndex(l => l.StartsWith("The first bad commit could be any of", StringComparison.Ordinal));
        if (could >= 0)
            return (null, [.. lines.Skip(could + 1).TakeWhile(l => l.Length >= 40 && l.All(char.IsAsciiHexDigit)).Select(l => l[..40])]);
        if (!lines.Any(l => l.StartsWith("Bisecting:", StringComparison.Ordinal)))
            throw new RealmCiException($"git bisect said something unexpected: {lines.FirstOrDefault(l => l.Length > 0)}", ExitCodes.Failed);
        return null;
    }

    private static string Short(string commit) => commit[..Math.Min(10, commit.Length)];
}
