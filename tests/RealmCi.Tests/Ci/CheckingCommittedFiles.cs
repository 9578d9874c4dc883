using RealmCi.Build;
using RealmCi.Tests.Host;

namespace RealmCi.Tests.Ci;

/// <summary>The Ci target through the real host: writing, then --check on current and stale files.</summary>
public class CheckingCommittedFiles : CiFolder
{
    private HostRun Ci(params string[] args) =>
        HostRun.In(dir, typeof(BuildContext).Assembly, "Ci", ["--target=Ci", $"--matrix={Matrix}", $"--output={Path.Combine(dir, "out")}", .. args]);

    [Fact]
    public void CheckExitsZeroWhenTheCommittedFilesAreCurrent()
    {
        Assert.Equal(0, Ci("--ci=gitlab", "--static", "--profile=pr").ExitCode);
        var check = Ci("--ci=gitlab", "--static", "--profile=pr", "--check");
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("CI files up to date (2)", check.Out);
    }

    [Fact]
    public void CheckExitsOneWithAUnifiedDiffWhenAFileIsStale()
    {
        Assert.Equal(0, Ci("--ci=github", "--static", "--profile=pr").ExitCode);
        var file = Path.Combine(dir, "out", ".github", "workflows", "realm-ci-pr-pull-request.yml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"--config=debug-fake2\"", "\"--config=debug-fake3\""));
        var check = Ci("--ci=github", "--static", "--profile=pr", "--check");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("--- a/.github/workflows/realm-ci-pr-pull-request.yml", check.Out);
        Assert.Matches("\n- +args: \"--config=debug-fake3\"\n", check.Out);
        Assert.Matches("\n\\+ +args: \"--config=debug-fake2\"\n", check.Out);
        Assert.Contains("1 of 2 CI file(s) stale", check.Out);
    }

    [Fact]
    public void AMissingFileIsStale()
    {
        var check = Ci("--ci=gitlab", "--profile=pr", "--check");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("missing: .gitlab-ci.yml", check.Out);
    }

    [Fact]
    public void AnUnknownPlatformExitsTwoWithOneLine()
    {
        var run = Ci("--ci=jenkins");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --ci=jenkins: expected github or gitlab", run.Err.Trim());
    }

    [Fact]
    public void SeveralProfilesAreRefusedOutsideTheCiTarget()
    {
        var run = HostRun.In(dir, typeof(BuildContext).Assembly, "Matrix", ["--target=Matrix", $"--matrix={Matrix}", "--profile=pr", "--profile=two"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("only the Ci target takes several", run.Err);
    }

    [Fact]
    public void PlanWantsExactlyOneProfile()
    {
        var run = Ci("--ci=github", "--plan");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--plan: give exactly one --profile", run.Err);
    }
}
