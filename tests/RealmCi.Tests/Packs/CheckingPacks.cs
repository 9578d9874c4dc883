using RealmCi.Results;
using RealmCi.Matrix;
using RealmCi.Packs;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Packs;

public sealed class CheckingPacks
{
    private static readonly PackLayout InContainer = new("/src", "/work", "/work/build");

    private static BuildConfiguration Config(string id = "gcc12-debug-local-cpu-shared", Facets? cli = null) =>
        Selector.Select(MatrixFile.Open(Yaml.RealmMatrixPath), new SelectionOptions { Configs = [id], CommandLine = cli ?? Facets.Empty }).Configurations[0];

    private static PackManifest Made(BuildConfiguration c, string source = "git-tree:abc") => PackKeys.Expected(c, source, "realm", ExecutorKind.Docker, InContainer);

    [Fact]
    public void APackForTheSameConfigurationRecipeAndSourceFits() =>
        Assert.Null(PackCheck.Difference("p.tar.gz", Made(Config()), Made(Config())));

    [Fact]
    public void APackForAnotherConfigurationIsRefusedNamingBoth()
    {
        var line = PackCheck.Difference("p.tar.gz", Made(Config("gcc12-debug-local-cpu")), Made(Config()));
        Assert.Equal("p.tar.gz: the pack is for configuration gcc12-debug-local-cpu, not gcc12-debug-local-cpu-shared", line);
    }

    [Fact]
    public void APackOfTheSameIdResolvedDifferentlyIsRefused()
    {
        var changed = Config(cli: Facets.Empty with { Cmake = Facets.Empty.Cmake.Add("X", "1") });
        var line = PackCheck.Difference("p.tar.gz", Made(Config()), Made(changed));
        Assert.NotNull(line);
        Assert.Contains("was resolved differently", line);
        Assert.DoesNotContain("recipe", line); // a CMake definition is no image change
    }

    [Fact]
    public void APackBuiltInAnotherImageRecipeIsRefused()
    {
        var c = Config();
        var moreTools = c with { Settings = c.Settings with { Packages = c.Settings.Packages.Add("gdb") } };
        var line = PackCheck.Difference("p.tar.gz", Made(c), Made(moreTools));
        Assert.NotNull(line);
        Assert.StartsWith("p.tar.gz: the pack was built in another image recipe", line);
    }

    [Fact]
    public void APackBuiltFromAnotherSourceIsRefusedNamingBothFingerprints()
    {
        var line = PackCheck.Difference("p.tar.gz", Made(Config(), "git-tree:abc"), Made(Config(), "git-tree:abd"));
        Assert.Equal("p.tar.gz: the pack was built from another source (git-tree:abc realm, this one is git-tree:abd realm)", line);
    }

    [Fact]
    public void APackMadeByAnotherRealmCiIsRefused()
    {
        var line = PackCheck.Difference("p.tar.gz", Made(Config()) with { RealmCiVersion = "0.0.1" }, Made(Config()));
        Assert.NotNull(line);
        Assert.Contains("made by realm-ci 0.0.1", line);
    }

    [Fact]
    public void TheRecipeKeyIsTheRecipeNotTheEnginesImage()
    {
        // Computed from the matrix alone: a build runner and a test runner with differently bootstrapped bases agree.
        var c = Config();
        Assert.Equal(PackKeys.Recipe(c), PackKeys.Recipe(Config()));
        Assert.Equal(PackKeys.Recipe(c), PackKeys.Recipe(c with { Settings = c.Settings with { Env = c.Settings.Env.SetItem("E", "1") } }));
        Assert.NotEqual(PackKeys.Recipe(c), PackKeys.Recipe(c with { Settings = c.Settings with { Run = c.Settings.Run.Add("true") } }));
    }

    [Fact]
    public void ATreeBuiltAtOtherPathsOrByAnotherExecutorIsRefused()
    {
        var made = Made(Config());
        Assert.Null(PackCheck.LayoutDifference("p", made, ExecutorKind.Docker, InContainer));
        Assert.Contains("--executor=docker", PackCheck.LayoutDifference("p", made, ExecutorKind.Host, InContainer));
        Assert.Contains("was at /work/build", PackCheck.LayoutDifference("p", made, ExecutorKind.Docker, new("/src", "/w", "/w/build")));
    }
}

public sealed class ReproducingPackRuns
{
    private static RealmCi.Execution.PipelineOptions Options => new() { Source = "/src/realm", Artifacts = "/a", Cache = "/c" };

    [Fact]
    public void ARunFromAPackIsReproducedFromThePack() =>
        Assert.Contains("--from-pack=/a/p.tar.gz", RealmCi.Execution.ReproduceCommand.Arguments(Options with { FromPack = "/a/p.tar.gz" }, "x", ExecutorKind.Docker));

    [Fact]
    public void ABuildThatPacksIsReproducedWithPack()
    {
        Assert.Contains("--pack", RealmCi.Execution.ReproduceCommand.Arguments(Options with { Pack = true, RunTests = false }, "x", ExecutorKind.Docker));
        Assert.DoesNotContain("--pack", RealmCi.Execution.ReproduceCommand.Arguments(Options, "x", ExecutorKind.Docker));
    }
}
