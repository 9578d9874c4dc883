using System.Diagnostics;
using RealmCi.Bisect;
using RealmCi.Downstream;
using RealmCi.Matrix;

namespace RealmCi.IntegrationTests;

/// <summary>
/// Bisect end to end: the fixture history (tests/fixtures/mini-realm-history.sh: 30 commits, change
/// 22 breaks unit.max_dim, change 15 does not compile), every candidate built and tested in the
/// real engine through the pipeline.
/// </summary>
[Collection("engine")]
public class BisectingOnTheEngine(EngineFixture fx)
{
    [Fact]
    public async Task ItNamesTheBreakingCommitSkipsTheBrokenOneAndReusesPassedResults()
    {
        var repo = Path.Combine(fx.Work, "history");
        var script = Process.Start("bash", [Path.Combine(EngineFixture.Root, "tests", "fixtures", "mini-realm-history.sh"), repo]);
        await script.WaitForExitAsync();
        Assert.Equal(0, script.ExitCode);
        var selection = Selector.Select(fx.Matrix, new SelectionOptions { Configs = ["release-local"] });
        var pipeline = fx.Options("bisect");
        var options = new BisectOptions("release-local", "v0.3.0", "main", repo, Path.Combine(pipeline.Artifacts, "bisect"));

        var lines = new List<string>();
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, await BisectRun.RunAsync(options, selection, pipeline, () => fx.Engine, new SilentObserver(), lines.Add, CancellationToken.None));
        var first = clock.Elapsed;
        var text = string.Join("\n", lines);
        Assert.Contains($"first bad commit: {Git(repo, "rev-parse", "main~8")} change 22: max_dim counts from one (breaks unit.max_dim)", text);
        Assert.Contains("deciding test: unit.max_dim", text);
        Assert.Matches(@"  bad  \w{10}: unit\.max_dim: failed", text);
        Assert.Matches(@"  good \w{10}: unit\.max_dim: passed in ", text);
        Assert.Matches(@"skipped \w{10} change 15: start work_in_progress \(does not compile\): does not build \(failed", text);
        Assert.Contains("8 builds for 30 commits (bound ceil(log2 30) + 3 = 8; 0 from the result cache; 1 skipped)", text);
        Assert.Contains("git bisect start", File.ReadAllText(options.Report));
        Assert.True(File.Exists(Path.Combine(options.Runs, Git(repo, "rev-parse", "main~15")[..12], "build.log")));
        Assert.Equal("", Git(repo, "status", "--porcelain"));

        // Again: every commit that passed (the good endpoint and the good candidates) is a result-cache hit.
        var passed = lines.Count(l => l.Contains(": good — ", StringComparison.Ordinal));
        Assert.True(passed >= 3, text);
        lines.Clear();
        clock.Restart();
        Assert.Equal(0, await BisectRun.RunAsync(options, selection, pipeline, () => fx.Engine, new SilentObserver(), lines.Add, CancellationToken.None));
        var again = string.Join("\n", lines);
        Assert.True(again.Contains($"8 builds for 30 commits (bound ceil(log2 30) + 3 = 8; {passed} from the result cache; 1 skipped)", StringComparison.Ordinal), again);
        Assert.Matches(@"  good \w{10}: unit\.max_dim: passed \(cached", again);
        Assert.True(clock.Elapsed < first, $"second bisection {clock.Elapsed} vs first {first}");
    }

    [Fact]
    public async Task WithTheDownstreamItsTestDecidesAndFindsTheCommitOnlyTheDownstreamNotices()
    {
        // Change 18 makes sum() stop one short: Realm's own tests never call it, mini-legion's legion_reduce does.
        var repo = Path.Combine(fx.Work, "history-downstream");
        var script = Process.Start("bash", [Path.Combine(EngineFixture.Root, "tests", "fixtures", "mini-realm-history.sh"), repo, "30", "0", "15", "18"]);
        await script.WaitForExitAsync();
        Assert.Equal(0, script.ExitCode);
        var legion = await RunningTheCanary.LegionRepository(Path.Combine(fx.Work, "history-downstream-legion"));
        var selection = Selector.Select(fx.Matrix, new SelectionOptions { Configs = ["debug-local"] });
        var pipeline = fx.Options("bisect-downstream");
        var options = new BisectOptions("debug-local", "v0.3.0", "main", repo, Path.Combine(pipeline.Artifacts, "bisect")) { Downstream = "mini-legion" };
        var downstream = DownstreamBisect.For(fx.Matrix.Definition, "", new CanaryOptions(
            System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add("mini-legion", legion), EngineFixture.FixtureSource));
        Assert.Equal("mini-legion", downstream.Project.Name); // the matrix file's only downstream

        var lines = new List<string>();
        var observer = new SilentObserver();
        Assert.Equal(0, await BisectRun.RunAsync(options, selection, pipeline, () => fx.Engine, observer, lines.Add, CancellationToken.None, downstream));
        var text = string.Join("\n", lines);
        Assert.Contains($"first bad commit: {Git(repo, "rev-parse", "main~12")} change 18: sum() stops one short (breaks only the downstream)", text);
        Assert.Contains("deciding test: legion_reduce", text);
        Assert.Matches(@"  bad  \w{10}: legion_reduce: failed", text);
        Assert.Matches(@"skipped \w{10} change 15: start work_in_progress \(does not compile\): does not build \(failed", text);
        Assert.Matches(@"8 builds for 30 commits \(bound ceil\(log2 30\) \+ 3 = 8; \d+ from the result cache; 1 skipped\)", text); // the good endpoint is the pristine fixture, which other canary tests may have cached
        Assert.Contains("--target=Canary --downstream-source=mini-legion=", text); // the reproduce command is a canary of the first bad commit
        // Realm's own tests never ran: only the downstream's results, and its copy kept between candidates (only realm.cc rewritten).
        Assert.False(Directory.Exists(Path.Combine(pipeline.Artifacts, "bisect", "artifacts", "debug-local")));
        Assert.True(File.Exists(Path.Combine(options.Runs, Git(repo, "rev-parse", "main~12")[..12], "test.log")));
        Assert.Contains("--target=Canary", File.ReadAllText(Path.Combine(options.Runs, Git(repo, "rev-parse", "main~12")[..12], "reproduce.sh")));
        Assert.Contains(observer.Lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"composed copy .*: 1 file\(s\) written, [1-9]\d* unchanged, 0 removed"));
        Assert.Equal("", Git(repo, "status", "--porcelain"));
    }

    private static string Git(string repo, params string[] args)
    {
        var p = Process.Start(new ProcessStartInfo("git", ["-C", repo, .. args]) { RedirectStandardOutput = true })!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output.Trim();
    }
}
