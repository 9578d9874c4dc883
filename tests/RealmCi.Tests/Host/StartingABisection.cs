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
        foreach (var option in new[] { "--good", "--bad", "--test", "--downstream" })
        {
            Assert.Contains(option + (option == "--downstream" ? "[=" : "="), help);
            Assert.Contains("`" + option + "=", readme);
        }
        Assert.Contains("Bisect", HostRun.Of("--description").Out);
    }

    [Fact]
    public void ItsDownstreamIsCheckedBeforeAnyWork()
    {
        var unknown = HostRun.Of("--target=Bisect", "--config=gcc12-debug-local-cpu-shared", "--good=v1", "--bad=main", "--downstream=legoin", "--artifacts=/nonexistent/a");
        Assert.Equal((2, $"error: --downstream=legoin: not a downstream of {Path.Combine(Matrix.Yaml.RepoRoot, "matrix", "realm.yaml")} (did you mean 'legion'?)"), (unknown.ExitCode, unknown.Err.Trim()));
        var sourceOnly = HostRun.Of("--target=Bisect", "--config=a", "--good=v1", "--bad=main", "--downstream-source=legion=/tmp");
        Assert.Equal((2, "error: --downstream-source: Bisect reads it only with --downstream (the downstream's test decides)"), (sourceOnly.ExitCode, sourceOnly.Err.Trim()));
        Assert.Equal("error: --downstream does not apply to --target=Test; it applies to Bisect", HostRun.Of("--target=Test", "--downstream").Err.Trim());
    }
}
