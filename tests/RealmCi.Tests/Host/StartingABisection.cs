using RealmCi.Build;

namespace RealmCi.Tests.Host;

public class StartingABisection
{
    [Theory]
    [InlineData("--good=v1")]
    [InlineData("--good=v1", "--bad=main")]
    [InlineData("--config=a", "--bad=main")]
    public void ItNeedsOneConfigAGoodAndABadRef(params string[] args)
    {
        var run = HostRun.Of(["--target=Bisect", .. args]);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --target=Bisect needs --config=ID, --good=REF and --bad=REF", run.Err.Trim());
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
