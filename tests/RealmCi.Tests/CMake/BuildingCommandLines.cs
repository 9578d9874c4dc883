using RealmCi.CMake;
using RealmCi.Containers;
using RealmCi.Execution;
using RealmCi.Matrix;
using RealmCi.Tests.Matrix;
using System.Collections.Immutable;

namespace RealmCi.Tests.CMake;

public class BuildingCommandLines
{
    private static readonly WorkLayout At = new("/src", "/work");

    private static BuildConfiguration Config(string id = "gcc12-debug-local-cpu-shared")
    {
        var m = MatrixFile.Open(Yaml.RealmMatrixPath);
        return Selector.Select(m, new SelectionOptions { Configs = [id] }).Configurations[0];
    }

    [Fact]
    public void ConfigureUsesNinjaTheInstallPrefixCcacheAndEveryDefinitionSorted()
    {
        var args = CMakeCommands.Configure(Config(), At, "realm", ccache: true);
        Assert.Equal(["cmake", "-S", "/src/realm", "-B", "/work/build", "-G", "Ninja", "-DCMAKE_INSTALL_PREFIX=/work/install"], args.Take(8));
        var defs = args.Skip(8).ToList();
        Assert.Equal(defs.Order(StringComparer.Ordinal), defs);
        Assert.Contains("-DCMAKE_CXX_COMPILER_LAUNCHER=ccache", defs);
        Assert.Contains("-DCMAKE_BUILD_TYPE=Debug", defs);
        Assert.Contains("-DBUILD_SHARED_LIBS=ON", defs);
        Assert.Contains("-DREALM_ENABLE_UCX=OFF", defs);
        Assert.Contains("-DCPM_googletest_SOURCE=/usr/src/googletest", defs);
        Assert.Contains("-DREALM_SYNTHETIC_CORE_MAP=", Config().Settings.Env.Select(kv => $"-D{kv.Key}={kv.Value}")); // env, not a definition
        Assert.DoesNotContain(defs, d => d.StartsWith("-DREALM_SYNTHETIC_CORE_MAP"));
    }

    [Fact]
    public void WithoutCcacheNoLauncherIsSet() =>
        Assert.DoesNotContain(CMakeCommands.Configure(Config(), At, null, ccache: false), a => a.Contains("LAUNCHER"));

    [Fact]
    public void TheMatrixMayOverrideTheCompilerLauncher()
    {
        var c = Config();
        c = c with { Settings = c.Settings with { Cmake = c.Settings.Cmake.SetItem("CMAKE_CXX_COMPILER_LAUNCHER", "sccache") } };
        Assert.Contains("-DCMAKE_CXX_COMPILER_LAUNCHER=sccache", CMakeCommands.Configure(c, At, null, ccache: true));
    }

    [Fact]
    public void BuildAndInstallAreCMakeDriverCommands()
    {
        Assert.Equal(["cmake", "--build", "/work/build", "--parallel", "7"], CMakeCommands.Build(At, 7));
        Assert.Equal(["cmake", "--install", "/work/build", "--prefix", "/work/install"], CMakeCommands.Install(At));
    }

    [Fact]
    public void TestRunsTheSelectedLabelsWithJUnitAndTheTimeout()
    {
        var c = Config();
        c = c with { Settings = c.Settings with { Test = c.Settings.Test with { Labels = ["unit", "integration"] } } };
        var args = CMakeCommands.Test(c, At, At.Build, 2, ["gpu"]);
        Assert.Equal(["ctest", "--test-dir", "/work/build", "--output-on-failure", "--no-tests=error", "--timeout", "600",
            "--parallel", "2", "--output-junit", "/work/junit.xml", "-L", "^(unit|integration)$", "-LE", "^(benchmark|gpu)$"], args);
    }

    [Theory]
    [InlineData("gcc12-release-local-cpu", "240")] // Realm's own CI: ctest --timeout 240
    [InlineData("gcc12-debug-local-cpu-shared", "600")]
    [InlineData("gcc12-debug-local-cpu-tsan", "900")]
    public void ThePerTestTimeoutComesFromTheMatrix(string id, string seconds)
    {
        var args = CMakeCommands.Test(Config(id), At, At.Build, 2, []);
        Assert.Equal(seconds, args[args.ToList().IndexOf("--timeout") + 1]);
    }

    [Fact]
    public void LabelsAreEscapedAsWholeWordRegularExpressions() =>
        Assert.Equal("^(a\\.b|c\\+\\+)$", CMakeCommands.Regex(["a.b", "c++"]));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("-DX=a;b", "'-DX=a;b'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    public void ShellQuotingIsOnlyForPeopleAndIsExact(string arg, string quoted) => Assert.Equal(quoted, ShellQuote.Quote(arg));
}
