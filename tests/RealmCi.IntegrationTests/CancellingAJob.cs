using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RealmCi.Containers;
using Xunit.Abstractions;

namespace RealmCi.IntegrationTests;

/// <summary>How CI cancels a job: SIGTERM to <c>./build.sh</c>, here while a test hangs in its container.</summary>
[Collection("engine")]
public class CancellingAJob(EngineFixture fx, ITestOutputHelper log)
{
    [Fact]
    public async Task SigtermDuringARunningTestExits130WithinSecondsLeavesNoContainerAndWritesTheSummary()
    {
        var artifacts = Path.Combine(fx.Work, "sigterm");
        string[] args =
        [
            $"--matrix={Path.Combine(EngineFixture.FixtureSource, "matrix.yaml")}", $"--realm-source={EngineFixture.FixtureSource}",
            "--config=debug-local-hangtest", $"--artifacts={artifacts}", "--pull=never",
        ];
        using var job = HostCommand.Start(HostCommand.Info(Path.Combine(EngineFixture.Root, "build.sh"), args), out var output);
        var pid = job.Id.ToString(CultureInfo.InvariantCulture); // build.sh execs the program: its pid labels the containers
        string Output() { lock (output) return output.ToString(); }

        try
        {
            // Wait until the test step's container runs (the fixture's unit.hangs sleeps for minutes).
            var started = Stopwatch.StartNew();
            IReadOnlyList<(string Id, string Run)> running = [];
            while (!job.HasExited && running.Count == 0 && started.Elapsed < TimeSpan.FromMinutes(4))
            {
                await Task.Delay(250);
                running = await Containers(pid, "test");
            }
            Assert.False(job.HasExited, $"build.sh ended before its tests ran:\n{Output()}");
            Assert.True(running.Count > 0, $"no test container appeared:\n{Output()}");
            var runId = running[0].Run;

            var signalled = Stopwatch.StartNew();
            var (killed, killOutput) = await HostCommand.RunAsync("kill", "-TERM", pid);
            Assert.True(killed == 0, killOutput);
            using (var within = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
                await job.WaitForExitAsync(within.Token);
            var seconds = signalled.Elapsed.TotalSeconds;
            log.WriteLine($"test container after {started.Elapsed.TotalSeconds - seconds:F1} s; exit {job.ExitCode} {seconds:F2} s after SIGTERM");

            Assert.True(job.ExitCode == 130, $"exit {job.ExitCode}:\n{Output()}");
            Assert.True(seconds < 10, $"took {seconds:F1} s to stop");
            Assert.Empty(await fx.Leftovers(runId));
            Assert.Empty(await Containers(pid, null));

            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(artifacts, "summary.json")));
            Assert.True(summary.RootElement.GetProperty("interrupted").GetBoolean());
            var result = Assert.Single(summary.RootElement.GetProperty("results").EnumerateArray());
            Assert.Equal("debug-local-hangtest", result.GetProperty("id").GetString());
            Assert.Equal("cancelled", result.GetProperty("status").GetString());
            Assert.DoesNotContain("   at ", Output());
        }
        finally
        {
            if (!job.HasExited) job.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The running containers this realm-ci process labelled (of one step, or any), with their run label.</summary>
    private static async Task<IReadOnlyList<(string Id, string Run)>> Containers(string pid, string? step)
    {
        List<string> args = ["ps", "--no-trunc", "--filter", $"label={Labels.Pid}={pid}", "--filter", $"label={Labels.Host}={Environment.MachineName}"];
        if (step is not null) args.AddRange(["--filter", $"label={Labels.Step}={step}"]);
        args.AddRange(["--format", $"{{{{.ID}}}} {{{{.Label \"{Labels.Run}\"}}}}"]);
        var (code, text) = await HostCommand.RunAsync("docker", [.. args]);
        Assert.True(code == 0, text);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).Select(p => (p[0], p[1])).ToList();
    }
}
