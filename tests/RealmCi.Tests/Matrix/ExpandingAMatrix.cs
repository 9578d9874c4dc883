using RealmCi.Matrix;

namespace RealmCi.Tests.Matrix;

public class ExpandingAMatrix
{
    private static List<string> Ids(string text) => Yaml.Open(text).Rows.Select(r => r.Id).ToList();

    [Fact]
    public void TheProductIsWalkedInAxisOrderWithTheLastAxisFastest()
    {
        var ids = Ids(Yaml.Small);
        Assert.Equal(12, ids.Count);
        Assert.Equal(["a1-b1", "a1-b1-c2", "a1-b2", "a1-b2-c2", "a2-b1"], ids.Take(5));
    }

    [Fact]
    public void ExcludeWithOneAxisRemovesEveryMatchingRow()
    {
        var ids = Ids(Yaml.Small + "exclude:\n  - { b: b2 }\n");
        Assert.Equal(6, ids.Count);
        Assert.DoesNotContain(ids, id => id.Contains("b2"));
    }

    [Fact]
    public void ExcludeWithTwoAxesRemovesOnlyRowsMatchingBoth()
    {
        var ids = Ids(Yaml.Small + "exclude:\n  - { a: a1, b: b2 }\n");
        Assert.Equal(10, ids.Count);
        Assert.DoesNotContain("a1-b2", ids);
        Assert.Contains("a2-b2", ids);
    }

    [Fact]
    public void GlobsAndNegationsSelectValues()
    {
        var ids = Ids(Yaml.Small + "exclude:\n  - { a: '!a1', c: c2 }\n");
        Assert.Contains("a1-b1-c2", ids);
        Assert.DoesNotContain("a2-b1-c2", ids);
        Assert.DoesNotContain("a3-b2-c2", ids);
        Assert.Equal(8, ids.Count);
        var globbed = Ids(Yaml.Small + "exclude:\n  - { a: [a2, a3], b: b1 }\n  - { a: 'a*', b: b2, c: c2 }\n");
        Assert.Equal(["a1-b1", "a1-b1-c2", "a1-b2", "a2-b2", "a3-b2"], globbed);
    }

    [Fact]
    public void ARequireConstraintDropsRowsThatBreakIt()
    {
        var ids = Ids(Yaml.Small + "constraints:\n  - { when: { a: a3 }, require: { b: b1 } }\n");
        Assert.DoesNotContain(ids, id => id.StartsWith("a3-b2"));
        Assert.Contains("a3-b1", ids);
        Assert.Equal(10, ids.Count);
    }

    [Fact]
    public void AForbidConstraintDropsRowsThatMatchIt()
    {
        var ids = Ids(Yaml.Small + "constraints:\n  - { when: { c: c2 }, forbid: { a: [a1, a2] } }\n");
        Assert.Equal(["a1-b1", "a1-b2", "a2-b1", "a2-b2", "a3-b1", "a3-b1-c2", "a3-b2", "a3-b2-c2"], ids);
    }

    [Fact]
    public void IncludeAddsARowThatAnExcludeRemoved()
    {
        var ids = Ids(Yaml.Small + "exclude:\n  - { b: b2 }\ninclude:\n  - { a: a2, b: b2, env: { X: '1' } }\n");
        Assert.Equal(7, ids.Count);
        Assert.Equal("a2-b2", ids[^1]);
    }

    [Fact]
    public void IncludeOfAnExistingRowOnlyAddsFacets()
    {
        var m = Yaml.Open(Yaml.Small + "include:\n  - { a: a2, b: b2, env: { X: '1' } }\n");
        Assert.Equal(12, m.Rows.Count);
        Assert.Equal("1", m.Find("a2-b2")!.Included!.Env["X"]);
    }

    [Fact]
    public void TheRealmMatrixSetsEveryFeatureSwitchInEveryConfiguration()
    {
        var m = MatrixFile.Open(Yaml.RealmMatrixPath);
        string[] switches = ["REALM_ENABLE_GASNETEX", "REALM_ENABLE_UCX", "REALM_ENABLE_UCC", "REALM_ENABLE_MPI", "REALM_ENABLE_CUDA",
            "REALM_ENABLE_HIP", "REALM_ENABLE_OPENMP", "REALM_ENABLE_PYTHON", "REALM_ENABLE_HDF5", "REALM_ENABLE_PAPI", "REALM_ENABLE_HWLOC",
            "REALM_ENABLE_LLVM", "REALM_ENABLE_KOKKOS", "REALM_ENABLE_PREALM", "REALM_ENABLE_CPPTRACE", "REALM_ENABLE_NVTX",
            "REALM_BUILD_TESTS", "REALM_BUILD_EXAMPLES", "REALM_BUILD_BENCHMARKS", "REALM_BUILD_TUTORIALS", "BUILD_SHARED_LIBS", "CMAKE_BUILD_TYPE"];
        foreach (var row in m.Rows)
        {
            var c = ConfigurationResolver.Resolve(m, row, Facets.Empty);
            foreach (var s in switches) Assert.True(c.Settings.Cmake.ContainsKey(s), $"{c.Id} does not set {s}");
            Assert.Equal("ON", c.Settings.Cmake["REALM_BUILD_TESTS"]);
            Assert.Equal("/usr/src/googletest", c.Settings.Cmake["CPM_googletest_SOURCE"]);
        }
    }

    [Fact]
    public void TheRealmMatrixHonoursItsCompilerConstraints()
    {
        var m = MatrixFile.Open(Yaml.RealmMatrixPath);
        Assert.All(m.Rows.Where(r => r.Id.Contains("cuda11.8")), r => Assert.StartsWith("gcc12-", r.Id));
        Assert.All(m.Rows.Where(r => r.Id.Contains("hip")), r => Assert.StartsWith("clang", r.Id));
        Assert.All(m.Rows.Where(r => r.Id.Contains("san")), r => Assert.Contains("-debug-", r.Id));
    }

    [Fact]
    public void ABigProductIsRefusedWithAClearError()
    {
        var e = Assert.Throws<RealmCi.Matrix.MatrixException>(() => Yaml.Open(Yaml.Grid(9, 6)));
        Assert.Contains("more than the", e.Message);
    }
}
