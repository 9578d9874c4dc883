using RealmCi.Build;
using RealmCi.Build.Host;
using RealmCi.Errors;

namespace RealmCi.Tests.Host;

public class ChoosingReruns
{
    private static Settings Resolve(string[] args, Dictionary<string, string>? config = null)
    {
        var parsed = CommandLine.Read(args, BuildOptions.All);
        return SettingsResolver.Resolve(new SettingsInputs
        {
            Arguments = parsed.Values, ArgumentProblems = parsed.Problems, Config = config ?? [], Environment = new Dictionary<string, string>(),
            Root = "/repo", WorkingDirectory = "/here", Home = "/home/me", Targets = ["Test"], DefaultTarget = "Test",
        });
    }

    [Fact]
    public void NoRerunsAndFlakyPassesByDefault() =>
        Assert.Equal((0, false), (Resolve([]).RerunFailures, Resolve([]).FlakyFails));

    [Fact]
    public void CakeConfigGivesTheDefaultAndTheCommandLineWins()
    {
        Dictionary<string, string> config = new() { ["RerunFailures"] = "3", ["Flaky"] = "fail" };
        Assert.Equal((3, true), (Resolve([], config).RerunFailures, Resolve([], config).FlakyFails));
        var s = Resolve(["--rerun-failures=1", "--flaky=pass"], config);
        Assert.Equal((1, false), (s.RerunFailures, s.FlakyFails));
    }

    [Fact]
    public void BadValuesAreReportedTogether()
    {
        var e = Assert.Throws<RealmCiException>(() => Resolve(["--rerun-failures=-1", "--flaky=sometimes"]));
        Assert.Contains("--rerun-failures=-1: expected a whole number ≥ 0", e.Message);
        Assert.Contains("--flaky=sometimes: expected pass or fail", e.Message);
    }

    [Fact]
    public void TheOptionsAreInTheHelpAndTheReadme()
    {
        var help = HostRun.Of("--help").Out;
        var readme = File.ReadAllText(Path.Combine(Matrix.Yaml.RepoRoot, "README.md"));
        foreach (var option in new[] { "--rerun-failures", "--flaky" })
        {
            Assert.Contains(option + "=", help);
            Assert.Contains("`" + option + "=", readme);
        }
        Assert.Contains("RerunFailures", readme);
    }
}
