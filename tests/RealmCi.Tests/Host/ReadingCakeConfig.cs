using RealmCi.Build;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Host;

public sealed class ReadingCakeConfig : InTempFolder
{

    private HostRun Run(params string[] args) => HostRun.In(dir, typeof(BuildContext).Assembly, "Matrix", args);

    private void Setup(string config)
    {
        Directory.CreateDirectory(Path.Combine(dir, "m"));
        File.WriteAllText(Path.Combine(dir, "m", "small.yaml"), Yaml.Small + "profiles:\n  ones: { select: ['a1-*'] }\n  twos: { select: ['a2-*'] }\n");
        File.WriteAllText(Path.Combine(dir, "cake.config"), config);
    }

    [Fact]
    public void TheMatrixAndProfileComeFromCakeConfigRelativeToItsFolder()
    {
        Setup("[RealmCi]\nMatrix=m/small.yaml\nProfile=ones\n");
        var run = Run("--format=json");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"a1-b1\"", run.Out);
        Assert.DoesNotContain("\"a2-b1\"", run.Out);
    }

    [Fact]
    public void TheCommandLineOverridesCakeConfig()
    {
        Setup("[RealmCi]\nMatrix=m/small.yaml\nProfile=ones\n");
        var run = Run("--format=json", "--profile=twos");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"a2-b1\"", run.Out);
        Assert.DoesNotContain("\"a1-b1\"", run.Out);
    }

    [Fact]
    public void AMisspeltOrInvalidCakeConfigValueIsReportedWithTheOthersBeforeAnyTarget()
    {
        Setup("[RealmCi]\nMatrix=m/small.yaml\nExecuter=host\nPull=sometimes\n");
        var run = Run("--target=Test", "--jobs=0");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
        [
            "error: cake.config [RealmCi] Executer: unknown key 'Executer' in the [RealmCi] section (did you mean 'Executor'?)",
            "error: cake.config [RealmCi] Pull=sometimes: expected missing or never",
            "error: --jobs=0: expected a whole number ≥ 1",
        ], run.Err.Trim().Split(Environment.NewLine));
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("[RealmCi]\nProfile=\n", 2)]
    [InlineData("; fine\n[RealmCi]\nMatrix=m/small.yaml\n\n[Real Ci]\n", 5)]
    [InlineData("[RealmCi]\nMatrix=m/small.yaml\njobs \u0001\u00ff\n", 3)]
    public void AMalformedCakeConfigIsOneLineWithItsLineNumberAndExitTwo(string config, int line)
    {
        Setup(config);
        var run = Run();
        Assert.Equal(2, run.ExitCode);
        var error = Assert.Single(run.Err.Trim().Split(Environment.NewLine));
        Assert.Matches($@"^error: .*cake\.config:{line}: .*no empty values\)$", error);
    }
}
