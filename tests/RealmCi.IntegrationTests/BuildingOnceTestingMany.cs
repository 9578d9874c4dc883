using System.Text;
using RealmCi.Reporting;

namespace RealmCi.IntegrationTests;

/// <summary>
/// Build once, test many, through ./build.sh with the real engine and the fixture: a pack made
/// by --target=Build --pack runs its tests in a fresh artifacts folder without configuring or
/// building, with the counts a normal test run has; a pack for another configuration is refused.
/// </summary>
[Collection("engine")]
public class BuildingOnceTestingMany(EngineFixture fx)
{
    private static async Task<(int Code, string Output)> BuildSh(params string[] args)
    {
        var output = new StringBuilder();
        var code = await RealmCi.Processes.RunAsync(Path.Combine(EngineFixture.Root, "build.sh"), args, new Dictionary<string, string>(),
            line => { lock (output) output.AppendLine(line.Text); }, CancellationToken.None, EngineFixture.Root);
        return (code, output.ToString());
    }

    private string[] Fixture(string target, string config, string artifacts, params string[] more) =>
    [
        $"--target={target}", $"--matrix={Path.Combine(EngineFixture.FixtureSource, "matrix.yaml")}", $"--realm-source={EngineFixture.FixtureSource}",
        $"--config={config}", "--pull=never", $"--artifacts={Path.Combine(fx.Work, artifacts)}", .. more,
    ];

    private ResultDocument Result(string artifacts, string id) =>
        ResultJson.Read(Path.Combine(fx.Work, artifacts, id, "result.json")) ?? throw new InvalidOperationException("no result.json");

    [Fact]
    public async Task APackBuiltOnceIsTestedInAFreshFolderWithTheSameCounts()
    {
        var (built, buildOutput) = await BuildSh(Fixture("Build", "release-local", "pack-build", "--pack"));
        Assert.True(built == 0, buildOutput);
        var pack = Path.Combine(fx.Work, "pack-build", "release-local", "pack.tar.gz");
        Assert.True(File.Exists(pack), buildOutput);

        var (tested, testOutput) = await BuildSh(Fixture("Test", "release-local", "pack-test", $"--from-pack={pack}"));
        Assert.True(tested == 0, testOutput);
        var fromPack = Result("pack-test", "release-local");
        Assert.Equal("passed", fromPack.Status);
        Assert.Equal(["image", "test"], fromPack.Steps.Select(s => s.Name));
        Assert.False(File.Exists(Path.Combine(fx.Work, "pack-test", "release-local", "build.log"))); // nothing was built here
        Assert.True(File.Exists(Path.Combine(fx.Work, "pack-test", "release-local", "junit.xml")));
        Assert.Contains("<testsuite", File.ReadAllText(Path.Combine(fx.Work, "pack-test", "junit.xml")));

        var (normal, normalOutput) = await BuildSh(Fixture("Test", "release-local", "pack-reference", "--force"));
        Assert.True(normal == 0, normalOutput);
        var reference = Result("pack-reference", "release-local");
        Assert.True(reference.Tests.Passed > 0);
        Assert.Equal((reference.Tests.Passed, reference.Tests.Failed, reference.Tests.Skipped), (fromPack.Tests.Passed, fromPack.Tests.Failed, fromPack.Tests.Skipped));

        var (refused, refusedOutput) = await BuildSh(Fixture("Test", "debug-local", "pack-other", $"--from-pack={pack}"));
        Assert.Equal(2, refused);
        var error = Assert.Single(refusedOutput.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Equal($"error: {pack}: the pack is for configuration release-local, not debug-local", error);
        Assert.False(Directory.Exists(Path.Combine(fx.Work, "pack-other", "debug-local"))); // refused before anything ran
    }
}
