using System.Diagnostics;
using RealmCi.Containers;

namespace RealmCi.IntegrationTests;

/// <summary>Two runs into one artifacts folder, through the real front door: the second is refused; a killed first does not block a third.</summary>
[Collection("engine")]
public class SharingAnArtifactsFolder(EngineFixture fx)
{
    private string[] Run(string config, string artifacts) =>
    [
        "--target=Test", $"--matrix={Path.Combine(EngineFixture.FixtureSource, "matrix.yaml")}", $"--realm-source={EngineFixture.FixtureSource}",
        $"--config={config}", "--pull=never", $"--artifacts={artifacts}", "--step-timeout=5",
    ];

    [Fact]
    public async Task ASecondRunIsRefusedAtOnceAndAKilledRunLeavesNoStuckLock()
    {
        var artifacts = Path.Combine(fx.Work, "shared");
        using var first = FrontDoorProcess.BuildSh(Run("debug-local-hangcfg", artifacts)); // hangs in configure
        try
        {
            var owner = Path.Combine(artifacts, ".lock.owner");
            var clock = Stopwatch.StartNew();
            while (!(File.Exists(owner) && File.ReadAllText(owner).StartsWith($"{first.Id} ", StringComparison.Ordinal)))
            {
                Assert.False(first.HasExited, "the first run ended before taking the lock");
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "the first run did not take the lock");
                await Task.Delay(100);
            }

            clock.Restart();
            using var second = FrontDoorProcess.BuildSh(Run("release-local", artifacts));
            var (code, output, error) = second.Wait(TimeSpan.FromMinutes(1));
            Assert.Equal(3, code);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"refused only after {clock.Elapsed}");
            Assert.Matches($@"^error: artifacts folder {System.Text.RegularExpressions.Regex.Escape(artifacts)} is in use by realm-ci pid {first.Id} since .+ UTC; use --artifacts=DIR for a parallel run$", error.Trim());
            Assert.Equal("", output);

            first.KillHard();
            first.Wait(TimeSpan.FromSeconds(30));

            using var third = FrontDoorProcess.BuildSh(Run("release-local", artifacts));
            var after = third.Wait(TimeSpan.FromMinutes(10));
            Assert.True(after.Code == 0, after.Out + after.Err);
            Assert.Matches("release-local: (passed|cached)", after.Out); // cached when an earlier test built it
        }
        finally
        {
            // The killed run's hanging container (the third run sweeps it; this makes sure).
            foreach (var c in await fx.Engine.ContainersAsync(Labels.Pid, first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None))
                await fx.Engine.RemoveAsync(c.Id, CancellationToken.None);
        }
    }
}
