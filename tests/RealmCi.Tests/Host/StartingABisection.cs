using RealmCi.Build;

namespace RealmCi.Tests.Host;

public class StartingABisection
{
    [Theory]
    [InlineData("--config=ID", "--good=v1")]
    [InlineData("--config=ID", "--good=v1", "--bad=main")]
    [InlineData("--good=REF", "--config=a", "--bad=main")]
    public void ItNeedsOneConfigAGoodAndABadRef(string missing, params string[] args)
    {
        var run = HostRun.Of(["--target=Bisect", .. args]);
        Assert.Equal(2, run.ExitCode);
        var error = Assert.Single(run.Err.Trim().Split('\n'), l => l.Contains(missing, StringComparison.Ordinal));
        Assert.StartsWith("error: --target=Bisect needs", error);
        Assert.DoesNotContain(args, a => run.Err.Contains("needs " + a.Split('=')[0] + "=", StringComparison.Ordinal)); // what was given is not asked for
    }

    [Fact]
    public void ItsOptionsAreInTheHelpAndTheReadme()
    {
        var help = HostRun.Of("--help").Out;
        var readme = File.ReadAllText(Path.Combine(Matrix.Yaml.RepoRoot, "README.md"));
        foreach (var option in new[] { "--good", "--bad", "--test" })
        {
            Assert.Contains(option + "=", help);
            Assert.Contains("`" + option + "=", readme);
        }
        Assert.Contains("Bisect", HostRun.Of("--description").Out);
    }
}
