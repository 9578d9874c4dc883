using RealmCi.Results;
using RealmCi.Reporting;
using RealmCi.Build;
using RealmCi.Build.Host;
using RealmCi.Errors;
using RealmCi.Execution;
using RealmCi.Matrix;

namespace RealmCi.Tests.Host;

/// <summary>The settings resolver is pure: plain dictionaries in, one immutable record (or every problem) out.</summary>
public class ResolvingTheSettings
{
    private static Settings Resolve(string[] args, Dictionary<string, string>? config = null, Dictionary<string, string>? env = null)
    {
        var parsed = CommandLine.Read(args, BuildOptions.All);
        return SettingsResolver.Resolve(new SettingsInputs
        {
            Arguments = parsed.Values,
            ArgumentProblems = parsed.Problems,
            Config = config ?? [],
            Environment = env ?? [],
            Root = "/repo",
            WorkingDirectory = "/here",
            Home = "/home/me",
            Targets = ["Build", "Canary", "Ci", "Clean", "Matrix", "Test"],
            DefaultTarget = "Test",
        });
    }

    private static string[] Problems(string[] args, Dictionary<string, string>? config = null, Dictionary<string, string>? env = null) =>
        Assert.Throws<RealmCiException>(() => Resolve(args, config, env)).Message.Split(Environment.NewLine);

    [Fact]
    public void DownstreamSourcesAreNamePathPairsMadeAbsolute()
    {
        var s = Resolve(["--target=Canary", "--downstream-source=legion=../legion", "--downstream-source=other=/abs/other"]);
        Assert.Equal(["legion", "other"], s.DownstreamSources.Keys);
        Assert.Equal("/legion", s.DownstreamSources["legion"]);
        Assert.Equal("/abs/other", s.DownstreamSources["other"]);
        Assert.Empty(Resolve([]).DownstreamSources);
        Assert.Contains("--downstream-source=legion: expected KEY=VALUE", Problems(["--target=Canary", "--downstream-source=legion"]));
    }

    [Fact]
    public void NothingGivenMeansTheBuiltInDefaults()
    {
        var s = Resolve([]);
        Assert.Equal("Test", s.Target);
        Assert.Equal("/repo/matrix/realm.yaml", s.MatrixFile);
        Assert.Equal("/repo/artifacts", s.Artifacts);
        Assert.Equal("/home/me/.cache/realm-ci", s.Cache);
        Assert.Equal(ExecutorKind.Auto, s.Executor);
        Assert.True(s.Pull);
        Assert.Null(s.Jobs);
        Assert.Null(s.StepTimeout);
        Assert.Null(s.RealmSource);
        Assert.Null(s.RealmRef); // the matrix file's source section decides
        Assert.Equal(VerbosityLevel.Normal, s.Verbosity);
        Assert.False(s.Remove);
    }

    [Fact]
    public void CakeConfigOverridesDefaultsAndTheCommandLineOverridesCakeConfig()
    {
        var config = new Dictionary<string, string> { ["Matrix"] = "m.yaml", ["Executor"] = "host", ["Pull"] = "never", ["Artifacts"] = "out" };
        var fromConfig = Resolve([], config);
        Assert.Equal("/repo/m.yaml", fromConfig.MatrixFile);
        Assert.Equal(ExecutorKind.Host, fromConfig.Executor);
        Assert.False(fromConfig.Pull);
        Assert.Equal("/repo/out", fromConfig.Artifacts);

        var fromArgs = Resolve(["--matrix=other.yaml", "--executor=docker", "--pull=missing", "--artifacts=a"], config);
        Assert.Equal("/here/other.yaml", fromArgs.MatrixFile); // a command-line path starts where the user is
        Assert.Equal(ExecutorKind.Docker, fromArgs.Executor);
        Assert.True(fromArgs.Pull);
        Assert.Equal("/here/a", fromArgs.Artifacts);
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var problems = Problems(["--target=Test", "--jobs=abc", "--executor=bogus", "--pull=sometimes", "--step-timeout=-5",
            "--shard=3/2", "--define=NOEQUALS", "--format=xml", "--verbosity=loud", "--force=maybe", "--older-than=x", "--bogus"]);
        Assert.StartsWith("unknown option '--bogus' (expected one of: target, verbosity", problems[0]);
        Assert.Equal(
        [
            "--verbosity=loud: expected quiet, minimal, normal, verbose or diagnostic",
            "--format=xml: expected table or json",
            "--shard=3/2: expected I/N with 1 ≤ I ≤ N, e.g. --shard=2/4",
            "--define=NOEQUALS: expected KEY=VALUE",
            "--executor=bogus: expected auto, docker or host",
            "--pull=sometimes: expected missing or never",
            "--jobs=abc: expected a whole number ≥ 1",
            "--force=maybe: expected true or false (or just --force)",
            "--step-timeout=-5: expected a whole number ≥ 1",
            "--older-than=x: expected a whole number ≥ 0",
            "--format does not apply to --target=Test; it applies to Matrix, Flaky",
            "--older-than does not apply to --target=Test; it applies to Clean",
        ], problems.Skip(1));
    }

    [Fact]
    public void TheWarningCheckIsReportByDefaultAndFailOrABaselineWhenAsked()
    {
        Assert.Equal(RealmCi.Warnings.WarningOptions.Default, Resolve(["--target=Test"]).Warnings);
        var asked = Resolve(["--target=Test", "--warnings=fail", "--warnings-baseline=/ci/warnings.txt"]).Warnings;
        Assert.Equal((RealmCi.Warnings.WarningPolicy.Fail, "/ci/warnings.txt"), (asked.Policy, asked.Baseline));
        Assert.Contains("--warnings=loud: expected report or fail", Problems(["--target=Test", "--warnings=loud"]));
    }

    [Fact]
    public void AProblemInCakeConfigNamesTheKeyOrTheVariableThatSetIt()
    {
        var problems = Problems([], new() { ["Executor"] = "dockr", ["Pul"] = "never" });
        Assert.Contains("cake.config [RealmCi] Executor=dockr: expected auto, docker or host (did you mean 'docker'?)", problems);
        Assert.Contains("cake.config [RealmCi] Pul: unknown key 'Pul' in the [RealmCi] section (did you mean 'Pull'?)", problems);

        var fromVariable = Problems([], new() { ["Executor"] = "bogus" }, new() { ["CAKE_REALMCI_EXECUTOR"] = "bogus" });
        Assert.Equal(["CAKE_REALMCI_EXECUTOR=bogus: expected auto, docker or host"], fromVariable);
    }

    [Fact]
    public void AnUnknownTargetIsAProblemLikeAnyOther()
    {
        var problems = Problems(["--target=Tset", "--jobs=0"]);
        Assert.Equal(["unknown target 'Tset'. Known targets: Build, Canary, Ci, Clean, Matrix, Test", "--jobs=0: expected a whole number ≥ 1"], problems);
        Assert.Equal("Matrix", Resolve(["--target=matrix"]).Target);
    }

    [Fact]
    public void TheSourceComesFromTheCommandLineThenTheEnvironmentThenCakeConfig()
    {
        var config = new Dictionary<string, string> { ["RealmSource"] = "../realm" };
        var env = new Dictionary<string, string> { ["REALM_SOURCE"] = "src" };
        Assert.Equal("/realm", Resolve([], config).RealmSource);
        Assert.Equal("/here/src", Resolve([], config, env).RealmSource);
        Assert.Equal("/home/me/legion", Resolve(["--realm-source=~/legion"], config, env).RealmSource);
    }

    [Fact]
    public void TheCacheFollowsXdgUnlessCakeConfigNamesOne()
    {
        Assert.Equal("/xdg/realm-ci", Resolve([], env: new() { ["XDG_CACHE_HOME"] = "/xdg" }).Cache);
        Assert.Equal("/repo/.cache", Resolve([], new() { ["Cache"] = ".cache" }, new() { ["XDG_CACHE_HOME"] = "/xdg" }).Cache);
    }

    [Fact]
    public void ValuesAreTypedOnceForEveryTarget()
    {
        var s = Resolve(["--jobs=3", "--parallel=2", "--step-timeout=5", "--shard=2/4", "--define=A=1=2", "--env=B=", "--fail-fast",
            "--force=false", "-v", "diagnostic", "--config=x", "--config=y"]);
        Assert.Equal(3, s.Jobs);
        Assert.Equal(2, s.Parallel);
        Assert.Equal(TimeSpan.FromMinutes(5), s.StepTimeout);
        Assert.Equal(new Shard(2, 4), s.Selection.Shard);
        Assert.Equal("1=2", s.Selection.CommandLine.Cmake["A"]);
        Assert.Equal("", s.Selection.CommandLine.Env["B"]);
        Assert.True(s.FailFast);
        Assert.False(s.Force);
        Assert.Equal(VerbosityLevel.Diagnostic, s.Verbosity);
        Assert.Equal(["x", "y"], s.Selection.Configs.ToArray());
        Assert.Equal(ListingFormat.Json, Resolve(["--target=Matrix", "--format=json"]).Format);
        var clean = Resolve(["--target=Clean", "--older-than=30", "--remove"]);
        Assert.Equal(TimeSpan.FromDays(30), clean.OlderThan);
        Assert.True(clean.Remove);
    }

    [Fact]
    public void OnlyTheCiTargetTakesSeveralProfilesAndItsPlatformIsChecked()
    {
        Assert.Equal(["pr", "nightly"], Resolve(["--target=Ci", "--ci=github", "--profile=pr", "--profile=nightly"]).Profiles.ToArray());
        Assert.Equal(["--profile is given 2 times; only the Ci target takes several"], Problems(["--target=Matrix", "--profile=pr", "--profile=nightly"]));
        Assert.Equal(["--ci=jenkins: expected github or gitlab"], Problems(["--target=Ci", "--ci=jenkins"]));
    }

    [Fact]
    public void AnEmptyOrBrokenPathIsAProblem()
    {
        var problems = Problems(["--artifacts= ", "--matrix=a\0b"]);
        Assert.Equal(["--matrix=a\0b: expected a path", "--artifacts= : expected a path"], problems);
    }
}
