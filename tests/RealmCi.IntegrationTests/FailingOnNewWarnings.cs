using System.Text;

namespace RealmCi.IntegrationTests;

/// <summary>
/// ./build.sh with the real engine and the fixture: a first full build records its compiler
/// warnings as the baseline; the next one, with a planted warning (FIXTURE_WARNING=ON), lists it
/// by file, line and flag and with --warnings=fail exits 1; with the default (report) it is listed, exit 0.
/// </summary>
[Collection("engine")]
public class FailingOnNewWarnings(EngineFixture fx)
{
    private async Task<(int Code, string Output)> BuildSh(string cache, params string[] args)
    {
        var output = new StringBuilder();
        var code = await Processes.RunAsync(Path.Combine(EngineFixture.Root, "build.sh"),
            ["--target=Build", $"--matrix={Path.Combine(EngineFixture.FixtureSource, "matrix.yaml")}", $"--realm-source={EngineFixture.FixtureSource}",
             "--config=release-local", "--pull=never", .. args],
            new Dictionary<string, string> { ["XDG_CACHE_HOME"] = cache }, line => { lock (output) output.AppendLine(line.Text); }, CancellationToken.None, EngineFixture.Root);
        return (code, output.ToString());
    }

    [Fact]
    public async Task APlantedWarningIsNewAgainstThePreviousFullBuildAndFailFailsTheRun()
    {
        var cache = Path.Combine(fx.Work, "warnings-cache");
        var (first, firstOut) = await BuildSh(cache, $"--artifacts={Path.Combine(fx.Work, "warnings-1")}", "--warnings=fail");
        Assert.True(first == 0, firstOut);
        Assert.Contains("no baseline yet", firstOut);
        Assert.True(File.Exists(Path.Combine(cache, "realm-ci", "warnings", "release-local.txt")));

        var (fail, failOut) = await BuildSh(cache, $"--artifacts={Path.Combine(fx.Work, "warnings-2")}", "--define=FIXTURE_WARNING=ON", "--warnings=fail");
        Assert.Equal(1, fail);
        Assert.Contains("src/warning.cc:3: [-Wunused-variable]", failOut);
        Assert.Contains("src/warning.cc:3: [-Wunused-variable]", File.ReadAllText(Path.Combine(fx.Work, "warnings-2", "release-local", "new-warnings.txt")));

        // Reported, not failing: the same warning is listed again (the failed run did not become the baseline), exit 0.
        var (report, reportOut) = await BuildSh(cache, $"--artifacts={Path.Combine(fx.Work, "warnings-3")}", "--define=FIXTURE_WARNING=ON");
        Assert.True(report == 0, reportOut);
        Assert.Contains("1 new compiler warning(s)", reportOut);
    }
}
