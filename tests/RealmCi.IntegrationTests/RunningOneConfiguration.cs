using RealmCi.Results;
using System.Text.Json;
using RealmCi.CMake;
using RealmCi.Execution;

namespace RealmCi.IntegrationTests;

[Collection("engine")]
public class RunningOneConfiguration(EngineFixture fx)
{
    private async Task<ConfigurationResult> Run(string id, PipelineOptions options, CancellationToken cancellation = default)
    {
        var runner = new ConfigurationRunner(options, fx.Engine, new RealmCi.Images.ImagePreparer(fx.Engine, false), new SilentObserver());
        return await runner.RunAsync(fx.Config(id), 2, cancellation);
    }

    [Fact]
    public async Task APassingConfigurationLeavesLogsJUnitResultAndAnInstallTree()
    {
        var options = fx.Options("pass");
        var r = await Run("release-local", options);

        Assert.Equal(ConfigurationStatus.Passed, r.Status);
        Assert.Equal(["image", "configure", "build", "test", "install"], r.Steps.Select(s => s.Name));
        Assert.Equal(new TestCounts(3, 0, 1), r.Counts); // unit ×2, integration ×1; the GPU test skipped; benchmarks left out
        var folder = Path.Combine(options.Artifacts, "release-local");
        foreach (var file in new[] { "Dockerfile", "image.log", "configure.log", "build.log", "test.log", "install.log", "junit.xml", "result.json", "reproduce.sh" })
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        Assert.True(File.Exists(Path.Combine(folder, "install", "include", "realm", "realm.h")));
        Assert.True(File.Exists(Path.Combine(folder, "install", "lib", "librealm.a")));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "result.json")));
        Assert.Equal("passed", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("tests").GetProperty("passed").GetInt32());
        Assert.StartsWith("realm-ci/debian12:", json.RootElement.GetProperty("image").GetString());
        var skip = json.RootElement.GetProperty("tests").GetProperty("skips")[0];
        Assert.Equal("integration.gpu", skip.GetProperty("name").GetString());
        Assert.Contains("needs a GPU", skip.GetProperty("reason").GetString());
        Assert.Contains("--network none", r.Steps[1].Command);
        Assert.Contains(":/src:ro", r.Steps[1].Command);
        Assert.Contains("-DREALM_BUILD_TESTS=ON", File.ReadAllText(Path.Combine(folder, "reproduce.sh")));
        Assert.Empty(await fx.Leftovers(options.RunId));
    }

    [Fact]
    public async Task AConfigureFailureStopsTheRunAndKeepsItsLog()
    {
        var options = fx.Options("cfg");
        var r = await Run("debug-local-nocfg", options);
        Assert.Equal(ConfigurationStatus.Failed, r.Status);
        Assert.Equal(StepStatus.Failed, r.Steps.Single(s => s.Step == StepKind.Configure).Status);
        Assert.DoesNotContain(r.Steps, s => s.Step == StepKind.Build);
        Assert.Contains("failing at configure", File.ReadAllText(r.Steps[^1].Log!));
        Assert.Equal("configure failed", r.FirstFailure);
        Assert.Empty(await fx.Leftovers(options.RunId));
    }

    [Fact]
    public async Task ACompileFailureIsABuildFailure()
    {
        var r = await Run("debug-local-nocompile", fx.Options("compile"));
        Assert.Equal(ConfigurationStatus.Failed, r.Status);
        var build = r.Steps.Single(s => s.Step == StepKind.Build);
        Assert.Equal(StepStatus.Failed, build.Status);
        Assert.Contains("failing at compile", File.ReadAllText(build.Log!));
        Assert.Matches(@"^exit code 1; first error: /src/src/broken\.cc:\d+:\d+: error: ", build.Reason); // the cause, not just the exit code
    }

    [Fact]
    public async Task AFailingTestIsReportedByNameAndTheInstallStillRuns()
    {
        var r = await Run("debug-local-badtest", fx.Options("badtest"));
        Assert.Equal(ConfigurationStatus.Failed, r.Status);
        Assert.Equal(1, r.Counts.Failed);
        Assert.Equal("test unit.broken", r.FirstFailure);
        Assert.Equal(StepStatus.Passed, r.Steps.Single(s => s.Step == StepKind.Install).Status);
    }

    [Fact]
    public async Task AHangingTestIsStoppedByThePerTestTimeout()
    {
        var c = fx.Config("debug-local-hangtest") with { };
        var options = fx.Options("hangtest");
        var runner = new ConfigurationRunner(options, fx.Engine, new RealmCi.Images.ImagePreparer(fx.Engine, false), new SilentObserver());
        var settings = c.Settings with { Test = c.Settings.Test with { Timeout = 3 } };
        var r = await runner.RunAsync(c with { Settings = settings }, 2, CancellationToken.None);
        Assert.Equal(ConfigurationStatus.Failed, r.Status);
        Assert.Contains(r.Tests, t => t.Name == "unit.hangs" && t.Status == TestStatus.Failed);
        Assert.True(r.Steps.Single(s => s.Step == StepKind.Test).Seconds < 30);
    }

    [Fact]
    public async Task AStepThatRunsPastItsTimeoutIsStoppedAndItsContainerRemoved()
    {
        var options = fx.Options("timeout") with { StepTimeout = TimeSpan.FromSeconds(4) };
        var r = await Run("debug-local-hangcfg", options);
        var configure = r.Steps.Single(s => s.Step == StepKind.Configure);
        Assert.Equal(StepStatus.TimedOut, configure.Status);
        Assert.InRange(configure.Seconds, 3, 20);
        Assert.Contains("timed out", File.ReadAllText(configure.Log!));
        Assert.Empty(await fx.Leftovers(options.RunId));
    }

    [Fact]
    public async Task ACancelledRunLeavesNoContainerAndStillWritesItsResult()
    {
        var options = fx.Options("cancel");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        var started = DateTime.UtcNow;
        var r = await Run("debug-local-hangcfg", options, cts.Token);
        Assert.Equal(ConfigurationStatus.Cancelled, r.Status);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));
        Assert.True(File.Exists(Path.Combine(options.Artifacts, "debug-local-hangcfg", "result.json")));
        Assert.Empty(await fx.Leftovers(options.RunId));
    }

    [Fact]
    public async Task MultiRankTestsRunBehindTheLauncher()
    {
        var observer = new SilentObserver();
        var runner = new ConfigurationRunner(fx.Options("ranks"), fx.Engine, new RealmCi.Images.ImagePreparer(fx.Engine, false), observer);
        var r = await runner.RunAsync(fx.Config("release-fake2"), 2, CancellationToken.None);
        Assert.Contains("release-fake2 Build", observer.Lines);
        // Ninja's progress, [n/m], reported up to m/m.
        Assert.Contains(observer.Lines, l => System.Text.RegularExpressions.Regex.Match(l, @"^release-fake2 (\d+)/\1$").Success);
        Assert.Equal(ConfigurationStatus.Passed, r.Status);
        // The fixture's integration test fails unless started as 2 processes; its output says which.
        var output = r.Tests.Single(t => t.Name == "integration.ranks").Output;
        Assert.Contains("rank 0 of 2", output);
        Assert.Contains("rank 1 of 2", output);
        Assert.Contains(r.Tests, t => t.Name == "unit.version" && t.Status == TestStatus.Passed);
    }

    [Fact]
    public async Task ContainersRunAsTheInvokingUserSoNoRootOwnedFilesAppear()
    {
        // Run as an unprivileged uid, as a developer would, and check what it left.
        // (The test runs as root, so it makes the folders writable for that uid, as they would be for a developer.)
        var options = fx.Options("user") with { User = "4321:4321" };
        options = options with { Cache = Path.Combine(options.Artifacts, "cache") };
        foreach (var dir in new[] { options.Artifacts, Path.Combine(options.Artifacts, "release-local"), options.Cache, Path.Combine(options.Cache, "ccache") })
        {
            Directory.CreateDirectory(dir);
            File.SetUnixFileMode(dir, (UnixFileMode)0x1FF);
        }
        var r = await Run("release-local", options);
        Assert.Equal(ConfigurationStatus.Passed, r.Status);
        var built = Path.Combine(options.Artifacts, "release-local", "build", "CMakeCache.txt");
        Assert.Equal(4321, await Owner(built));
    }

    private static async Task<int> Owner(string path)
    {
        var stat = await RealmCi.Processes.CaptureAsync("stat", ["-c", "%u", path], CancellationToken.None);
        Assert.Equal(0, stat.ExitCode);
        return int.Parse(stat.Stdout.Trim());
    }
}
