using RealmCi.Matrix;

namespace RealmCi.Tests.Matrix;

/// <summary>What the runs on real Realm taught, held as facts about matrix/realm.yaml.</summary>
public class KeepingTheRealmMatrixTrue
{
    private static readonly ExpandedMatrix Realm = MatrixFile.Open(Yaml.RealmMatrixPath);

    private static IEnumerable<BuildConfiguration> All() => Realm.Rows.Select(r => ConfigurationResolver.Resolve(Realm, r, Facets.Empty));

    /// <summary>Value names a test spells out, checked to be the axis's: a renamed value fails here instead of looping zero times.</summary>
    private static string[] Values(string axis, params string[] names)
    {
        var known = Realm.Axes.Single(a => a.Name == axis).Values.Select(v => v.Name).ToHashSet();
        Assert.All(names, n => Assert.True(known.Contains(n), $"axis '{axis}' has no value '{n}': rename it here too"));
        return names;
    }

    /// <summary>The rows a test holds a fact about: never none (a loop over nothing proves nothing).</summary>
    private static List<BuildConfiguration> Rows(Func<BuildConfiguration, bool> where, string which)
    {
        var rows = All().Where(where).ToList();
        Assert.True(rows.Count > 0, $"no configuration {which}");
        return rows;
    }

    [Fact]
    public void SanitizerRowsRunTheUnlabelledUnitTestsAndStopOnTheFirstReport()
    {
        var (nosan, asan, ubsan) = (Values("sanitizer", "nosan")[0], Values("sanitizer", "asan")[0], Values("sanitizer", "ubsan")[0]);
        foreach (var c in Rows(c => c.Axis("sanitizer") != nosan, "with a sanitizer"))
        {
            Assert.True(c.Settings.Test.Labels.IsDefaultOrEmpty, $"{c.Id} filters by label, which drops realm_unit_tests");
            Assert.DoesNotContain("unit", c.Settings.Test.ExcludeLabels);
        }
        var ubsanRow = All().First(c => c.Axis("sanitizer") == ubsan);
        Assert.Contains("halt_on_error=1", ubsanRow.Settings.Env["UBSAN_OPTIONS"]);
        Assert.Contains("print_stacktrace=1", ubsanRow.Settings.Env["UBSAN_OPTIONS"]);
        Assert.Equal("detect_leaks=0", All().First(c => c.Axis("sanitizer") == asan).Settings.Env["ASAN_OPTIONS"]);
    }

    [Fact]
    public void ClangRowsInstallTheSanitizerRuntimes()
    {
        var clangs = Values("compiler", "clang14", "clang16", "clang19");
        foreach (var c in Rows(c => c.Axis("sanitizer") != Values("sanitizer", "nosan")[0] && clangs.Contains(c.Axis("compiler")), "with clang and a sanitizer"))
            Assert.Contains(c.Settings.Packages, p => p.StartsWith("libclang-rt-", StringComparison.Ordinal));
    }

    [Fact]
    public void GccRowsNameTheGcovTheirCompilerShipsForCoverage()
    {
        // gcovr runs `gcov` unless GCOV names another; the images install gcc-N (gcov-N), not the unversioned gcc (`gcov`).
        // The real canary's --coverage run failed on exactly this: "No such file or directory: 'gcov'".
        var gccs = Rows(c => Values("compiler", "gcc11", "gcc12", "gcc14").Contains(c.Axis("compiler")) && !c.Settings.Cmake["CMAKE_CXX_COMPILER"].Contains("-linux-gnu-"), "with a native gcc");
        Assert.All(gccs, c =>
        {
            var version = c.Settings.Cmake["CMAKE_C_COMPILER"]["gcc-".Length..];
            Assert.Contains($"gcc-{version}", c.Settings.Packages);
            Assert.Equal($"gcov-{version}", c.Settings.Env["GCOV"]);
        });
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
        var cuda = Rows(c => c.Axis("gpu") == Values("gpu", "cuda11.8")[0], "with CUDA 11.8");
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
        Assert.All(Rows(c => c.Axis("gpu") == Values("gpu", "hip5.2")[0], "with HIP 5.2"), c =>
        {
            Assert.Contains(c.Axis("compiler"), Values("compiler", "clang14", "clang16"));
            Assert.Contains(c.Settings.Packages, p => p.StartsWith("libclang-rt-", StringComparison.Ordinal));
        });
        Assert.All(Rows(c => c.Axis("gpu") == Values("gpu", "hip5.7")[0], "with HIP 5.7"), c => Assert.Equal(Values("compiler", "clang19")[0], c.Axis("compiler")));
    }

    [Fact]
    public void TrixieValuesGetTheTrixieBaseAndBookwormValuesTheBookwormOne()
    {
        string[] trixieValues = [.. Values("compiler", "gcc14", "clang19"), .. Values("gpu", "cuda12.4", "hip5.7")];
        string[] bookwormValues = [.. Values("compiler", "clang14", "clang16"), .. Values("gpu", "cuda11.8", "hip5.2")];
        var (trixieRows, bookwormRows) = (0, 0);
        foreach (var c in All())
        {
            var trixie = c.Axes.Any(a => trixieValues.Contains(a.Value));
            var bookworm = c.Axes.Any(a => bookwormValues.Contains(a.Value));
            Assert.False(trixie && bookworm, c.Id);
            if (trixie) { Assert.Equal("trixie", c.Base.Bootstrap?.Suite); trixieRows++; }
            if (bookworm) { Assert.Equal("bookworm", c.Base.Bootstrap?.Suite); bookwormRows++; }
        }
        Assert.True(trixieRows > 0 && bookwormRows > 0, $"{trixieRows} trixie and {bookwormRows} bookworm rows");
    }

    [Fact]
    public void UcxRowsBuildUccFromTheDeclaredSourceAndNoRowDownloadsInARunLine()
    {
        foreach (var c in All())
        {
            Assert.DoesNotContain(c.Settings.Run, line => line.Contains("curl") || line.Contains("wget"));
            foreach (var source in c.Sources)
                Assert.Contains(c.Settings.Run, line => line.Contains(source.ImagePath));
        }
        Assert.All(Rows(c => c.Axis("network") == Values("network", "ucx")[0], "with UCX"), c =>
        {
            Assert.Equal(["ucc"], c.Sources.Select(s => s.Name));
            Assert.Equal("ON", c.Settings.Cmake["REALM_ENABLE_UCC"]);
        });
        Assert.Matches("^[0-9a-f]{64}$", Realm.Definition.Sources["ucc"].Sha256); // the archive itself is checked against it when used
    }

    [Fact]
    public void OnAnAirGappedHostOnlyTheRegistryAndGasnetRowsAreUnavailable()
    {
        var offer = HostOffer.From(false, false, [], [], true, ["ucc"]);
        var registry = Values("gpu", "cuda12.9", "cuda13.0");
        Assert.Contains(Realm.Axes.Single(a => a.Name == "network").Values, v => v.Name.StartsWith("gasnet.", StringComparison.Ordinal));
        var unavailable = 0;
        foreach (var c in All())
        {
            var expected = registry.Contains(c.Axis("gpu")) || c.Axis("network").StartsWith("gasnet.", StringComparison.Ordinal);
            Assert.Equal(expected, !Availability.Of(c, offer).IsAvailable);
            unavailable += expected ? 1 : 0;
        }
        Assert.InRange(unavailable, 1, Realm.Rows.Count - 1);
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
        foreach (var c in Rows(c => !c.Settings.Test.GpuLabels.IsDefaultOrEmpty, "with GPU tests"))
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
