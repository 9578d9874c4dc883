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

    [Fact]
    public void LabelsAreEscapedAsWholeWordRegularExpressions() =>
        Assert.Equal("^(a\\.b|c\\+\\+)$", CMakeCommands.Regex(["a.b", "c++"]));

    [Fact]
    public void AContainerStepIsUnprivilegedNetworklessAndLabelled()
    {
        var labels = ImmutableSortedDictionary<string, string>.Empty.Add(Labels.Run, "r1");
        var executor = new DockerExecutor(new NoEngine(), "img:1", "/home/me/realm", "/home/me/a/x", "/home/me/.cache/ccache", "1000:1000", labels, "1g", false);
        var args = DockerExecutor.DockerRunArguments(executor.Spec(StepKind.Build, ["cmake", "--build", "/work/build"], ImmutableSortedDictionary<string, string>.Empty.Add("A", "b c")));
        var line = string.Join(' ', args);
        Assert.Contains("--network none", line);
        Assert.Contains("--user 1000:1000", line);
        Assert.Contains("-v /home/me/realm:/src:ro", line);
        Assert.Contains("-v /home/me/a/x:/work:rw", line);
        Assert.Contains("--label org.realm-ci.run=r1", line);
        Assert.Contains("--label org.realm-ci.step=build", line);
        Assert.Contains("--shm-size 1g", line);
        Assert.Contains("A=b c", args);
        Assert.Equal(["img:1", "cmake", "--build", "/work/build"], args.TakeLast(4));
        Assert.Contains("'A=b c'", executor.Describe(StepKind.Build, ["true"], ImmutableSortedDictionary<string, string>.Empty.Add("A", "b c")));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("-DX=a;b", "'-DX=a;b'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    public void ShellQuotingIsOnlyForPeopleAndIsExact(string arg, string quoted) => Assert.Equal(quoted, ShellQuote.Quote(arg));

    private sealed class NoEngine : IContainerEngine
    {
        public string Endpoint => "none";
        public Task<EngineInfo> PingAsync(CancellationToken c) => throw new NotSupportedException();
        public Task<string?> ImageIdAsync(string r, CancellationToken c) => throw new NotSupportedException();
        public Task PullAsync(string r, Action<string> l, CancellationToken c) => throw new NotSupportedException();
        public Task ImportAsync(Stream s, string r, CancellationToken c) => throw new NotSupportedException();
        public Task BuildAsync(string d, string t, IReadOnlyDictionary<string, string> l, Action<string> log, CancellationToken c) => throw new NotSupportedException();
        public Task<long> RunAsync(ContainerSpec s, Action<OutputLine> o, CancellationToken c) => throw new NotSupportedException();
        public Task<IReadOnlyList<ContainerInfo>> ContainersAsync(string k, string? v, CancellationToken c) => throw new NotSupportedException();
        public Task RemoveAsync(string id, CancellationToken c) => throw new NotSupportedException();
    }
}
