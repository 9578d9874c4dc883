using RealmCi.Build;
using RealmCi.Build.Host;
using RealmCi.Errors;
using RealmCi.Flakiness;

namespace RealmCi.Tests.Host;

public class ChoosingHistory
{
    private static Settings Resolve(string[] args, Dictionary<string, string>? config = null, Dictionary<string, string>? env = null)
    {
        var parsed = CommandLine.Read(args, BuildOptions.All);
        return SettingsResolver.Resolve(new SettingsInputs
        {
            Arguments = parsed.Values, ArgumentProblems = parsed.Problems, Config = config ?? [], Environment = env ?? [],
            Root = "/repo", WorkingDirectory = "/here", Home = "/home/me", Targets = ["Test", "Build", "Flaky"], DefaultTarget = "Test",
        });
    }

    [Fact]
    public void AutoWritesOutsideCiAndOnlyReadsInAPullRequest()
    {
        Assert.Equal(HistoryMode.Write, Resolve([]).History);
        Assert.Equal(HistoryMode.Read, Resolve([], env: new() { ["GITHUB_ACTIONS"] = "true", ["GITHUB_EVENT_NAME"] = "pull_request" }).History);
        Assert.Equal(HistoryMode.Write, Resolve(["--history=write"], env: new() { ["GITHUB_ACTIONS"] = "true", ["GITHUB_EVENT_NAME"] = "pull_request" }).History);
    }

    [Fact]
    public void CakeConfigGivesTheDefaultAndTheCommandLineWins()
    {
        Assert.Equal(HistoryMode.Off, Resolve([], new() { ["History"] = "off" }).History);
        Assert.Equal(HistoryMode.Read, Resolve(["--history=read"], new() { ["History"] = "off" }).History);
    }

    [Fact]
    public void ABadValueOrAnotherTargetIsOneClearProblem()
    {
        var e = Assert.Throws<RealmCiException>(() => Resolve(["--history=sometimes"]));
        Assert.Contains("--history=sometimes: expected auto, write, read or off", e.Message);
        e = Assert.Throws<RealmCiException>(() => Resolve(["--target=Build", "--history=off"]));
        Assert.Contains("--history does not apply to --target=Build; it applies to Test", e.Message);
    }

    [Fact]
    public void TheOptionAndTheTargetAreInTheHelpAndTheReadme()
    {
        var help = HostRun.Of("--help").Out;
        var readme = File.ReadAllText(Path.Combine(Matrix.Yaml.RepoRoot, "README.md"));
        Assert.Contains("--history=", help);
        Assert.Contains("`--history=", readme);
        Assert.Contains("| `Flaky` |", readme);
        Assert.Contains("History=", File.ReadAllText(Path.Combine(Matrix.Yaml.RepoRoot, "cake.config")));
    }
}
