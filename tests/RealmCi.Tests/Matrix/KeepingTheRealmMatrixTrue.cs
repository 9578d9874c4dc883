using RealmCi.Matrix;

namespace RealmCi.Tests.Matrix;

/// <summary>What the runs on real Realm taught, held as facts about matrix/realm.yaml.</summary>
public class KeepingTheRealmMatrixTrue
{
    private static readonly ExpandedMatrix Realm = MatrixFile.Open(Yaml.RealmMatrixPath);

    private static IEnumerable<BuildConfiguration> All() => Realm.Rows.Select(r => ConfigurationResolver.Resolve(Realm, r, Facets.Empty));

    [Fact]
    public void SanitizerRowsRunTheUnlabelledUnitTestsAndStopOnTheFirstReport()
    {
        foreach (var c in All().Where(c => c.Axis("sanitizer") != "nosan"))
        {
            Assert.True(c.Settings.Test.Labels.IsDefaultOrEmpty, $"{c.Id} filters by label, which drops realm_unit_tests");
            Assert.DoesNotContain("unit", c.Settings.Test.ExcludeLabels);
        }
        var ubsan = All().First(c => c.Axis("sanitizer") == "ubsan");
        Assert.Contains("halt_on_error=1", ubsan.Settings.Env["UBSAN_OPTIONS"]);
        Assert.Contains("print_stacktrace=1", ubsan.Settings.Env["UBSAN_OPTIONS"]);
        Assert.Equal("detect_leaks=0", All().First(c => c.Axis("sanitizer") == "asan").Settings.Env["ASAN_OPTIONS"]);
    }

    [Fact]
    public void ClangRowsInstallTheSanitizerRuntimes()
    {
        foreach (var c in All().Where(c => c.Axis("sanitizer") != "nosan" && c.Axis("compiler") is "clang14" or "clang16" or "clang19"))
            Assert.Contains(c.Settings.Packages, p => p.StartsWith("libclang-rt-", StringComparison.Ordinal));
    }

    [Fact]
    public void Gcc11RowsGetAGoogleTestThatCompilesWithIt()
    {
        var gcc11 = All().Where(c => c.Settings.Cmake["CMAKE_CXX_COMPILER"] == "g++-11").ToList();
        Assert.NotEmpty(gcc11);
        Assert.All(gcc11, c => Assert.Contains(c.Settings.Run, line => line.Contains("-t trixie googletest")));
    }

    [Fact]
    public void Cuda118UsesGxx11AsTheHostCompilerOnABaseWithContribAndNonFree()
    {
        var cuda = All().Where(c => c.Axis("gpu") == "cuda11.8").ToList();
        Assert.NotEmpty(cuda);
        Assert.All(cuda, c =>
        {
            Assert.Equal("g++-11", c.Settings.Cmake["CMAKE_CUDA_HOST_COMPILER"]);
            Assert.Contains("contrib", c.Base.Bootstrap!.Components);
            Assert.Contains("non-free", c.Base.Bootstrap!.Components);
        });
    }

    [Fact]
    public void HipIsPairedWithAClangWhoseRuntimeIsInstalled()
    {
        Assert.All(All().Where(c => c.Axis("gpu") == "hip5.2"), c =>
        {
            Assert.Contains(c.Axis("compiler"), new[] { "clang14", "clang16" });
            Assert.Contains(c.Settings.Packages, p => p.StartsWith("libclang-rt-", StringComparison.Ordinal));
        });
        Assert.All(All().Where(c => c.Axis("gpu") == "hip5.7"), c => Assert.Equal("clang19", c.Axis("compiler")));
    }

    [Fact]
    public void TrixieValuesGetTheTrixieBaseAndBookwormValuesTheBookwormOne()
    {
        foreach (var c in All())
        {
            var trixie = c.Axes.Any(a => a.Value is "gcc14" or "clang19" or "cuda12.4" or "hip5.7");
            var bookworm = c.Axes.Any(a => a.Value is "clang14" or "clang16" or "cuda11.8" or "hip5.2");
            Assert.False(trixie && bookworm, c.Id);
            if (trixie) Assert.Equal("trixie", c.Base.Bootstrap?.Suite);
            if (bookworm) Assert.Equal("bookworm", c.Base.Bootstrap?.Suite);
        }
    }

    [Fact]
    public void UcxRowsBuildUccFromTheDeclaredSourceAndNoRowDownloadsInARunLine()
    {
        foreach (var c in All())
        {
            Assert.DoesNotContain(c.Settings.Run, line => line.Contains("curl") || line.Contains("wget"));
            foreach (var source in c.Sources)
                Assert.Contains(c.Settings.Run, line => line.Contains(source.ImagePath));
            if (c.Axis("network") != "ucx") continue;
            Assert.Equal(["ucc"], c.Sources.Select(s => s.Name));
            Assert.Equal("ON", c.Settings.Cmake["REALM_ENABLE_UCC"]);
        }
        Assert.Equal("b56379abe5f1c125bfa83be305d78d81a64aa271b7b5fff0ac17b86725ff3acf", Realm.Definition.Sources["ucc"].Sha256);
    }

    [Fact]
    public void OnAnAirGappedHostOnlyTheRegistryAndGasnetRowsAreUnavailable()
    {
        var offer = HostOffer.From(false, false, [], [], true, ["ucc"]);
        foreach (var c in All())
        {
            var expected = c.Axis("gpu") is "cuda12.9" or "cuda13.0" || c.Axis("network").StartsWith("gasnet.", StringComparison.Ordinal);
            Assert.Equal(expected, !Availability.Of(c, offer).IsAvailable);
        }
    }

    [Fact]
    public void PrOverWhatAnAirGappedHostCanRunCoversEveryPairItCanRun()
    {
        var offer = HostOffer.From(false, false, [], [], true, ["ucc"]);
        static HashSet<(string, string)> Pairs(IEnumerable<BuildConfiguration> rows) =>
            [.. rows.SelectMany(c => c.Axes.SelectMany((a, i) => c.Axes.Skip(i + 1).Select(b => ($"{a.Axis}={a.Value}", $"{b.Axis}={b.Value}"))))];
        var available = All().Where(c => Availability.Of(c, offer).IsAvailable).ToList();
        var pr = Selector.Select(Realm, new() { Profile = "pr", Offer = offer, OnlyAvailable = true });
        Assert.All(pr.Configurations, c => Assert.True(pr.Availability[c.Id].IsAvailable, c.Id));
        Assert.Equal(Pairs(available), Pairs(pr.Configurations));
        Assert.NotEmpty(pr.Unavailable);
    }

    [Fact]
    public void GpuRowsNameTheVendorTheirGpuTestsNeed()
    {
        foreach (var c in All().Where(c => !c.Settings.Test.GpuLabels.IsDefaultOrEmpty))
            Assert.Contains(c.Axis("gpu").StartsWith("hip", StringComparison.Ordinal) ? Requirement.GpuAmd : Requirement.GpuNvidia, c.Settings.Requires);
    }

    [Fact]
    public void TheSmokeConfigurationNeedsOnlyTheMirror()
    {
        var smoke = Selector.Select(Realm, new() { Profile = "smoke" }).Configurations.Single();
        Assert.Equal("gcc12-debug-local-cpu-shared", smoke.Id);
        Assert.True(Availability.Of(smoke, HostOffer.From(false, false, [], [], true, [])).IsAvailable);
    }
}
