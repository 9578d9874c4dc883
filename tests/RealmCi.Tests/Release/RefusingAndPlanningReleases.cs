using RealmCi.Tests.Host;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Release;

/// <summary>The Release target's front door, through the real host: the plan, and every refusal as one line and a shared exit code.</summary>
public class RefusingAndPlanningReleases : InTempFolder
{
    private static readonly string FixtureMatrix = Path.Combine(Yaml.RepoRoot, "tests", "fixtures", "mini-realm", "matrix.yaml");

    private ScratchRepository? repo;

    private ScratchRepository Repo() => repo ??= ScratchRepository.Create(Path.Combine(dir, "repo"))
        .Write("CMakeLists.txt", "project(MiniRealm)\n").Write("src/a.cc", "// a\n").Commit("one", tag: "v0.3.0");

    private HostRun Release(params string[] extra) => HostRun.Of(
        ["--target=Release", $"--realm-source={Repo().Folder}", .. extra.Any(e => e.StartsWith("--matrix=", StringComparison.Ordinal)) ? Array.Empty<string>() : [$"--matrix={FixtureMatrix}"],
            $"--artifacts={Path.Combine(dir, "artifacts")}", .. extra]);

    [Fact]
    public void ADryRunPrintsTagCommitVersionConfigurationsAndFileNamesAndBuildsNothing()
    {
        var run = Release("--tag=v0.3.0", "--config=release-local", "--config=debug-fake2", "--allow-missing=debug-*", "--dry-run");
        Assert.True(run.ExitCode == 0, run.Err);
        var commit = Repo().Git("rev-parse", "v0.3.0^{commit}");
        Assert.Contains($"release 0.3.0 from tag v0.3.0 (commit {commit}, 2025-06-30 12:00:00 UTC)", run.Out);
        Assert.Contains($"folder: {Path.Combine(dir, "artifacts", "release", "0.3.0")}", run.Out);
        Assert.Contains("mini-realm-0.3.0-source.tar.gz", run.Out);
        Assert.Matches(@"mini-realm-0\.3\.0-release-local-linux-[a-z0-9_]+-debian12\.tar\.gz  \+ mini-realm-0\.3\.0-release-local-linux-[a-z0-9_]+-debian12\.cdx\.json  \[release-local\]", run.Out);
        Assert.Matches(@"\[debug-fake2 \(may be missing\)\]", run.Out);
        Assert.Contains("SHA256SUMS  manifest.json  release-notes.md", run.Out);
        Assert.False(Directory.Exists(Path.Combine(dir, "artifacts")));
    }

    [Theory]
    [InlineData("--executor=host", "--executor=host: a release needs the Docker engine")]
    [InlineData("--consumer=/nonexistent", "--consumer=/nonexistent: no CMakeLists.txt there")]
    public void ADryRunRefusesWhatTheRealRunWould(string option, string refusal)
    {
        var run = Release("--tag=v0.3.0", "--config=release-local", option, "--dry-run");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(refusal, run.Err);
        Assert.Single(run.Err.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--dry-run")]
    [InlineData("--replace")] // the real run refuses it before building anything (no engine is needed to see that)
    public void AnAllowMissingGlobThatMatchesNothingIsRefused(string mode)
    {
        var run = Release("--tag=v0.3.0", "--config=release-local", "--config=debug-fake2", "--allow-missing=debug-fake3*", mode);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --allow-missing=debug-fake3* matches none of the release's 2 configuration(s) (release-local, debug-fake2): check the glob", run.Err.Trim());
    }

    /// <summary>The fixture's matrix with dim4 needing an AMD GPU (this machine, CI's and the lent GPU machines have none).</summary>
    private string GpuMatrix()
    {
        var text = File.ReadAllText(FixtureMatrix).Replace("      dim4: { cmake: { REALM_MAX_DIM: 4 } }", "      dim4: { cmake: { REALM_MAX_DIM: 4 }, requires: [gpu.amd] }");
        Assert.Contains("gpu.amd", text);
        var folder = Path.Combine(dir, "gpu-matrix");
        Directory.CreateDirectory(Path.Combine(folder, "consumer"));
        Directory.CreateDirectory(Path.Combine(folder, "downstream-patches"));
        File.WriteAllText(Path.Combine(folder, "consumer", "CMakeLists.txt"), "project(Consumer)\n");
        File.WriteAllText(Path.Combine(folder, "matrix.yaml"), text);
        return Path.Combine(folder, "matrix.yaml");
    }

    [Fact]
    public void AConfigurationWhoseGpuTestsCannotRunHereIsRefusedOrLeftOutWhenAllowedMissing()
    {
        var matrix = GpuMatrix();
        var refused = Release("--tag=v0.3.0", "--config=release-local", "--config=release-local-dim4", $"--matrix={matrix}", "--dry-run");
        Assert.Equal(4, refused.ExitCode);
        Assert.Equal("error: release-local-dim4: its GPU tests cannot run here (they need an AMD GPU and this host has none); a release ships only binaries tested on their GPU: "
            + "run it on a host with that GPU, or pass --allow-missing=GLOB to release without them", refused.Err.Trim());

        var allowed = Release("--tag=v0.3.0", "--config=release-local", "--config=release-local-dim4", $"--matrix={matrix}", "--allow-missing=*-dim4", "--dry-run");
        Assert.True(allowed.ExitCode == 0, allowed.Err);
        Assert.Contains("[release-local-dim4 (left out: its GPU tests cannot run here, they need an AMD GPU and this host has none)]", allowed.Out);
        Assert.Matches(@"\[release-local\]", allowed.Out);
    }

    [Fact]
    public void AnUnknownTagIsOneLineAndExitTwo()
    {
        var run = Release("--tag=v9.9.9", "--config=release-local", "--dry-run");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --tag=v9.9.9: no such tag in ", run.Err);
        Assert.Single(run.Err.Trim().Split('\n'));
    }

    [Fact]
    public void AMissingTagIsExitTwo()
    {
        var run = Release("--config=release-local");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --target=Release needs --tag=TAG", run.Err.Trim());
    }

    [Fact]
    public void AnExistingReleaseFolderIsRefusedUnlessReplaced()
    {
        Directory.CreateDirectory(Path.Combine(dir, "artifacts", "release", "0.3.0"));
        var refused = Release("--tag=v0.3.0", "--config=release-local");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("already exists: pass --replace to overwrite release 0.3.0", refused.Err);
        Assert.Single(refused.Err.Trim().Split('\n'));

        var replaced = Release("--tag=v0.3.0", "--config=release-local", "--replace", "--dry-run");
        Assert.True(replaced.ExitCode == 0, replaced.Err);
    }

    [Fact]
    public void AnEmptySelectionIsExitFive()
    {
        var run = Release("--tag=v0.3.0", "--select=nothing-*", "--dry-run");
        Assert.Equal(5, run.ExitCode);
        Assert.StartsWith("error: the selection is empty", run.Err);
    }

    [Fact]
    public void TheHostExecutorIsRefusedBecauseBinariesAreConsumedInCleanContainers()
    {
        var run = Release("--tag=v0.3.0", "--config=release-local", "--executor=host");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--executor=host: a release needs the Docker engine", run.Err);
    }

    [Fact]
    public void ASourceThatIsNoGitCheckoutIsExitTwo()
    {
        var plain = Path.Combine(dir, "plain");
        Directory.CreateDirectory(plain);
        File.WriteAllText(Path.Combine(plain, "CMakeLists.txt"), "project(MiniRealm)\n");
        var run = HostRun.Of("--target=Release", $"--realm-source={plain}", $"--matrix={FixtureMatrix}", "--tag=v0.3.0", "--config=release-local", "--dry-run");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not a git checkout", run.Err);
    }

    [Fact]
    public void ASubfolderOfTheCheckoutReleasesTheWholeTag()
    {
        Repo().Write("sub/CMakeLists.txt", "project(Sub)\n").Commit("sub", tag: "v0.4.0");
        var run = HostRun.Of("--target=Release", $"--realm-source={Path.Combine(Repo().Folder, "sub")}", $"--matrix={FixtureMatrix}",
            $"--artifacts={Path.Combine(dir, "artifacts")}", "--tag=v0.4.0", "--config=release-local", "--dry-run");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains($"(commit {Repo().Git("rev-parse", "v0.4.0")}", run.Out);
    }

    [Fact]
    public void ATagWithoutAVersionIsExitTwo()
    {
        Repo().Git("tag", "nightly");
        var run = Release("--tag=nightly", "--config=release-local", "--dry-run");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--tag=nightly: no version in the tag name", run.Err);
    }
}
