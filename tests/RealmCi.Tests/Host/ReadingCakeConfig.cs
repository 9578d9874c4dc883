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
        var run = Run("--format=json", "--jobs=0");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
        [
            "error: cake.config [RealmCi] Executer: unknown key 'Executer' in the [RealmCi] section (did you mean 'Executor'?)",
            "error: cake.config [RealmCi] Pull=sometimes: expected missing or never",
            "error: --jobs=0: expected a whole number ≥ 1",
        ], run.Err.Trim().Split(Environment.NewLine));
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void AMalformedCakeConfigIsOneLineAndExitTwo()
    {
        Setup("[RealmCi]\nProfile=\n");
        var run = Run();
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cake.config", run.Err);
        Assert.Contains("no empty values", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
    }
}
