using RealmCi.Build;
using RealmCi.Build.Host;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Host;

/// <summary>Each target takes the options declared for it; anything else given on the command line is an error, before any work.</summary>
public sealed class TakingOptionsPerTarget : InTempFolder
{
    private string Artifacts => Path.Combine(dir, "artifacts");

    [Fact]
    public void AnOptionGivenToATargetThatIgnoresItNamesTheTargetsItAppliesTo()
    {
        var run = HostRun.Of("--target=Test", "--dry-run", $"--artifacts={Artifacts}");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --dry-run does not apply to --target=Test; it applies to Release", run.Err.Trim());
        Assert.False(Directory.Exists(Artifacts)); // no lock taken, nothing written

        Assert.Equal("error: --static does not apply to --target=Matrix; it applies to Ci", HostRun.Of("--static").Err.Trim());
        Assert.Equal("error: --remove does not apply to --target=Matrix; it applies to Clean", HostRun.Of("--remove").Err.Trim());
    }

    [Fact]
    public void EveryTargetAnOptionNamesExists()
    {
        var targets = TaskCatalog.Discover<BuildContext>(typeof(BuildContext).Assembly).Select(t => t.Name).ToHashSet();
        var named = BuildOptions.All.SelectMany(o => o.Targets ?? []).Distinct().ToList();
        Assert.Equal(targets.Order(), named.Order()); // every target takes some option, and none is misspelt
    }

    [Fact]
    public void ATargetTakesTheOptionsOfTheTargetsItDependsOn()
    {
        IReadOnlyDictionary<string, IReadOnlyList<string>> dependencies = new Dictionary<string, IReadOnlyList<string>> { ["All"] = ["Build", "Ci"], ["Ci"] = ["Matrix"] };
        Assert.Equal(["All", "Ci", "Matrix", "Build"], TargetOptions.Closure("All", dependencies));
    }

    [Fact]
    public void AReleaseChecksItsTagBeforeAnythingIsClonedOrLocked()
    {
        var missing = HostRun.Of("--target=Release", $"--artifacts={Artifacts}", "--realm-repository=https://invalid.example/none.git");
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("error: --target=Release needs --tag=TAG", missing.Err.Trim());
        var bad = HostRun.Of("--target=Release", "--tag=v1..2", $"--artifacts={Artifacts}", "--realm-repository=https://invalid.example/none.git");
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("error: --tag=v1..2: not a tag name (git check-ref-format)", bad.Err.Trim());
        Assert.False(Directory.Exists(Artifacts));
    }

    [Theory]
    [InlineData("v1.0", null)]
    [InlineData("legion-25.06.0", null)]
    [InlineData("-v1", "--tag=-v1")]
    [InlineData("v1 0", "--tag=v1 0")]
    [InlineData("v1.lock", "--tag=v1.lock")]
    [InlineData("a/.b", "--tag=a/.b")]
    public void ATagNameFollowsGitsRules(string tag, string? problem)
    {
        var found = RealmCi.Release.GitTag.NameProblem(tag);
        if (problem is null) Assert.Null(found);
        else Assert.StartsWith(problem + ": not a tag name", found);
    }

    [Fact]
    public void PackAndFromPackAreRefusedTogetherBeforeAnyClone()
    {
        var pack = Path.Combine(dir, "p.tar.gz");
        File.WriteAllText(pack, "");
        var test = HostRun.Of("--target=Test", "--pack", $"--from-pack={pack}", $"--artifacts={Artifacts}");
        Assert.Equal(2, test.ExitCode);
        Assert.Equal("error: --from-pack and --pack together: a run either makes a pack or tests from one", test.Err.Trim());
        var build = HostRun.Of("--target=Build", "--pack", $"--from-pack={pack}", $"--artifacts={Artifacts}");
        Assert.Equal("error: --from-pack does not apply to --target=Build; it applies to Test", build.Err.Trim());
        var absent = HostRun.Of("--target=Test", $"--from-pack={pack}.none", $"--artifacts={Artifacts}");
        Assert.Equal($"error: --from-pack={pack}.none: no such file", absent.Err.Trim());
        Assert.False(Directory.Exists(Artifacts));
    }

    [Fact]
    public void ExplainingAMistypedIdIsInvalidInput()
    {
        var run = HostRun.Of("--explain=gcc99-debug-local-cpu-shared", "--executor=host");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --explain=gcc99-debug-local-cpu-shared: ", run.Err.Trim());
        Assert.Equal("", run.Out);
        var known = HostRun.Of("--explain=gcc12-debug-local-cpu-shared", "--executor=host");
        Assert.Equal(0, known.ExitCode);
        Assert.StartsWith("gcc12-debug-local-cpu-shared: a valid configuration", known.Out);
    }

    [Theory]
    [InlineData("--target=Matrix", "--format=json")]
    [InlineData("--target=Matrix", "--executor=host")]
    [InlineData("--target=Test", "--executor=host", "--artifacts=")]
    [InlineData("--target=Build", "--executor=host", "--artifacts=")]
    [InlineData("--target=Images", "--artifacts=")]
    [InlineData("--target=Release", "--tag=v1.0", "--dry-run", "--artifacts=")]
    public void AnEmptySelectionIsExitFiveInEveryTargetBeforeAnyLock(params string[] args)
    {
        var run = HostRun.Of([.. args.Select(a => a == "--artifacts=" ? a + Artifacts : a), "--select=nothing-*"]);
        Assert.Equal(5, run.ExitCode);
        Assert.StartsWith("error: the selection is empty", run.Err);
        Assert.False(Directory.Exists(Artifacts));
    }

    [Fact]
    public void VersionAndShortHelp()
    {
        var version = HostRun.Of("--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^realm-ci \d+\.\d+\.\d+$", version.Out.Trim());
        var help = HostRun.Of("-h");
        Assert.Equal(0, help.ExitCode);
        Assert.StartsWith("Usage: ./build.sh", help.Out);
        Assert.Contains("--dry-run", help.Out);
        Assert.Matches(@"--tag=TAG\s+.*\[Release\]", help.Out);
    }
}
