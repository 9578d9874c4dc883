using RealmCi.Results;
using System.Collections.Immutable;
using RealmCi.CMake;
using RealmCi.Containers;
using RealmCi.Execution;
using RealmCi.Matrix;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Execution;

public sealed class PlanningSteps
{
    private const string Fixture = """
        bases:
          deb: { image: debian:bookworm }
        defaults:
          base: deb
          packages: [cmake, ninja-build, ccache]
          cmake: { REALM_BUILD_TESTS: ON }
          env: { A: "b c" }
          test: { labels: [unit], gpu-labels: [gpu], timeout: 60 }
          container: { shm-size: 1g }
        axes:
          network:
            values:
              local: {}
              mpi: { test: { ranks: 2, launcher: [mpirun, -n, "{ranks}"], launch-labels: [multi] } }

        """;

    private static BuildConfiguration Config(string id = "local") =>
        Selector.Select(Yaml.Open(Fixture), new SelectionOptions { Configs = [id] }).Configurations[0];

    private static PipelineOptions Options => new() { Source = "/home/me/realm", Artifacts = "/home/me/a", Cache = "/home/me/.cache", GpuPresent = false, User = "1000:1000", RunId = "r1" };

    private static readonly ImmutableSortedDictionary<string, string> RunLabels =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal).Add(Labels.Run, "r1");

    private static StepPlan Docker(string id = "local", PipelineOptions? options = null) => StepPlanner.Plan(Config(id), options ?? Options,
        ExecutorLayout.Docker("img:1", "/home/me/realm", "/home/me/a/local", "/home/me/.cache/ccache", "1000:1000", RunLabels), 2);

    [Fact]
    public void TheStepsComeInOrderAndOnlyTheTestStepNeedsTests()
    {
        var plan = Docker();
        Assert.Equal([StepKind.Configure, StepKind.Build, StepKind.Test, StepKind.Install], plan.Steps.Select(s => s.Kind));
        Assert.Equal([StepKind.Configure, StepKind.Build, StepKind.Install], plan.For(runTests: false).Select(s => s.Kind));
        Assert.True(plan.Step(StepKind.Test).OnlyWithTests);
    }

    [Fact]
    public void ARunThatInstallsNothingHasNoInstallStep()
    {
        // The canary's run of a downstream's copy of Realm's older tests: their folders only; cmake --install would fail on the rest.
        Assert.Equal([StepKind.Configure, StepKind.Build, StepKind.Test], Docker(options: Options with { Install = false }).Steps.Select(s => s.Kind));
        var hip = Config() with { Settings = Config().Settings with { Targets = ["realm", "realm_unit_tests"] } }; // some targets, still installed
        Assert.Contains(StepKind.Install, StepPlanner.Plan(hip, Options, ExecutorLayout.Docker("img:1", "/s", "/a/local", "/c", "0:0", RunLabels), 2).Steps.Select(s => s.Kind));
    }

    [Fact]
    public void EachStepIsAnArgumentListWithItsTimeoutEnvAndLabels()
    {
        var plan = Docker(options: Options with { StepTimeout = TimeSpan.FromMinutes(20) });
        var build = plan.Step(StepKind.Build);
        Assert.Equal(["cmake", "--build", "/work/build", "--parallel", "2"], build.Command.ToArray());
        Assert.Equal("/work", build.WorkingDir);
        Assert.Equal(TimeSpan.FromMinutes(20), build.Timeout);
        Assert.Equal(TimeSpan.FromMinutes(15), plan.Step(StepKind.Configure).Timeout); // the cap only lowers
        Assert.Equal("b c", build.Env["A"]);
        Assert.Equal("/ccache", build.Env["CCACHE_DIR"]);
        Assert.Equal("/tmp", build.Env["HOME"]);
        Assert.Equal("build", build.Labels[Labels.Step]);
        Assert.Equal("r1", build.Labels[Labels.Run]);
        Assert.Contains("-DCMAKE_CXX_COMPILER_LAUNCHER=ccache", plan.Step(StepKind.Configure).Command);
    }

    [Fact]
    public void AContainerIsUnprivilegedNetworklessWithTheSourceReadOnly()
    {
        var plan = Docker();
        var spec = plan.Container(plan.Step(StepKind.Build), plan.Step(StepKind.Build).Command);
        Assert.Equal("none", plan.Network);
        Assert.Equal("1000:1000", spec.User);
        Assert.Equal("img:1", spec.Image);
        Assert.Equal([new Mount("/home/me/realm", "/src", ReadOnly: true), new Mount("/home/me/a/local", "/work"), new Mount("/home/me/.cache/ccache", "/ccache")], spec.Mounts.ToArray());
        Assert.Equal("1g", spec.ShmSize);
        var args = PlanText.DockerRunArguments(spec);
        Assert.Equal(["docker", "run", "--rm", "--init", "--network", "none", "--user", "1000:1000", "--workdir", "/work"], args.Take(10));
        Assert.Contains("A=b c", args);
        Assert.Equal(["img:1", "cmake", "--build", "/work/build", "--parallel", "2"], args.TakeLast(6));
    }

    [Fact]
    public void TheHostPlanRunsTheSameCommandsInTheRealFolders()
    {
        var plan = StepPlanner.Plan(Config(), Options, ExecutorLayout.Host("/home/me/realm", "/home/me/a/local", "/home/me/.cache/ccache", ccacheInstalled: false), 2);
        var docker = Docker();
        Assert.Null(plan.Image);
        Assert.Equal(["cmake", "--build", "/home/me/a/local/build", "--parallel", "2"], plan.Step(StepKind.Build).Command.ToArray());
        Assert.Equal("/home/me/a/local", plan.Step(StepKind.Build).WorkingDir);
        Assert.Equal("/home/me/.cache/ccache", plan.Step(StepKind.Build).Env["CCACHE_DIR"]);
        Assert.DoesNotContain("-DCMAKE_CXX_COMPILER_LAUNCHER=ccache", plan.Step(StepKind.Configure).Command); // no ccache on this host
        // The same commands, the container's paths replaced by the real ones.
        string Host(string arg) => arg.Replace("/work", "/home/me/a/local").Replace("/src", "/home/me/realm");
        Assert.Equal(docker.Step(StepKind.Test).Command.Select(Host), plan.Step(StepKind.Test).Command);
    }

    [Fact]
    public void WithoutAGpuTheGpuTestsAreLeftOutAndListedToBeReportedSkipped()
    {
        var test = Docker().Step(StepKind.Test);
        Assert.Equal(["-LE", "^(gpu)$"], test.Command.TakeLast(2));
        Assert.Equal(["ctest", "--test-dir", "/work/build", "--show-only=json-v1", "-L", "^(unit)$", "-L", "^(gpu)$"], test.Tests!.ListGpuTests.ToArray());
        var withGpu = Docker(options: Options with { GpuPresent = true }).Step(StepKind.Test);
        Assert.Empty(withGpu.Tests!.ListGpuTests);
        Assert.DoesNotContain("-LE", withGpu.Command);
    }

    [Fact]
    public void MultiRankTestsRunFromTheWrappedFolderBehindTheLauncher()
    {
        var test = Docker("mpi").Step(StepKind.Test);
        Assert.Equal(["mpirun", "-n", "2"], test.Tests!.Launcher.ToArray());
        Assert.Equal("/work/wrapped-tests", test.Tests.WrappedDir);
        Assert.Equal(["ctest", "--test-dir", "/work/wrapped-tests"], test.Command.Take(3));
        Assert.Equal(["ctest", "--test-dir", "/work/build", "--show-only=json-v1", "-L", "^(unit)$"], test.Tests.ListForLauncher.ToArray());
    }

    [Fact]
    public void ThePlanIsAValueTheSameInputsGiveTheSamePlan()
    {
        var a = Docker();
        var b = Docker();
        Assert.Equal(a.Steps.Select(s => string.Join('\u0001', s.Command)), b.Steps.Select(s => string.Join('\u0001', s.Command)));
        Assert.Equal(PlanText.Line(a, a.Step(StepKind.Build)), PlanText.Line(b, b.Step(StepKind.Build)));
    }

    [Fact]
    public void TheReproduceCommandCarriesEverythingThatShapedTheRun()
    {
        var options = Options with
        {
            MatrixFile = "/home/me/m.yaml",
            CommandLineDefines = ImmutableSortedDictionary<string, string>.Empty.Add("X", "1"),
            CommandLineEnv = ImmutableSortedDictionary<string, string>.Empty.Add("E", "a b"),
            ArtifactsArgument = "/tmp/out",
            StepTimeout = TimeSpan.FromMinutes(7),
            Pull = false,
            DownloadsAllowed = false,
            SourcesFolder = "/home/me/archives",
            RunTests = false,
        };
        Assert.Equal(["./build.sh", "--target=Build", "--config=local", "--matrix=/home/me/m.yaml", "--realm-source=/home/me/realm", "--executor=host",
            "--define=X=1", "--env=E=a b", "--artifacts=/tmp/out", "--pull=never", "--downloads=deny", "--sources=/home/me/archives", "--step-timeout=7"],
            ReproduceCommand.Arguments(options, "local", ExecutorKind.Host));
        // Defaults stay out: no --artifacts, --pull or --step-timeout when they were not given.
        Assert.Equal(["./build.sh", "--target=Test", "--config=local", "--realm-source=/home/me/realm", "--executor=docker"], ReproduceCommand.Arguments(Options, "local", ExecutorKind.Docker));
        Assert.Contains("'--env=E=a b'", ReproduceCommand.Line(options, "local", ExecutorKind.Host));
    }

    [Fact]
    public void ReproduceShPrintsThePlansDockerRunLines()
    {
        var plan = Docker();
        var result = new ConfigurationResult("local", ConfigurationStatus.Failed, [], [], "img:1", ExecutorKind.Docker, DateTimeOffset.UtcNow, 1, "/a", "./build.sh --config=local") { RunId = "r1" };
        var script = ReproduceScript.Text(plan, result, runTests: true);
        foreach (var step in plan.Steps) Assert.Contains(PlanText.Line(plan, step) + "\n", script);
        Assert.DoesNotContain(PlanText.Line(plan, plan.Step(StepKind.Test)), ReproduceScript.Text(plan, result, runTests: false));
        Assert.Contains("#   ./build.sh --config=local", script);
    }

    private static QuarantineEntry Entry(string configs, string test) => new(configs, test, "known", null, SourceSpan.None("m.yaml"));

    [Fact]
    public void QuarantinedGoogleTestCasesAreLeftOutOfTheTestStepWithGtestFilter()
    {
        var quarantine = new Quarantine([Entry("lo*", "realm_unit_tests/GenEventTest.Local*"), Entry("*", "machine_config"), Entry("mpi", "realm_unit_tests/Other.Case")]);
        var plan = Docker(options: Options with { Quarantine = quarantine });
        Assert.Equal("-GenEventTest.Local*", plan.Step(StepKind.Test).Env["GTEST_FILTER"]);
        Assert.False(plan.Step(StepKind.Build).Env.ContainsKey("GTEST_FILTER"));
        Assert.False(Docker().Step(StepKind.Test).Env.ContainsKey("GTEST_FILTER"));
        Assert.Equal("-Other.Case", Docker("mpi", Options with { Quarantine = quarantine }).Step(StepKind.Test).Env["GTEST_FILTER"]);
    }

    [Theory]
    [InlineData(null, "-A.B:C.*")]
    [InlineData("Mem*", "Mem*-A.B:C.*")]
    [InlineData("*-Slow.*", "*-Slow.*:A.B:C.*")]
    public void TheFilterKeepsWhatTheConfigurationAlreadyFilters(string? given, string expected)
    {
        var env = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
        if (given is not null) env = env.Add("GTEST_FILTER", given);
        var quarantine = new Quarantine([Entry("*", "t/A.B"), Entry("*", "u/C.*"), Entry("*", "plain"), Entry("*", "t/A.B")]);
        Assert.Equal(expected, QuarantineFilter.Apply(env, quarantine)["GTEST_FILTER"]);
    }

    [Fact]
    public void TargetsLimitWhatTheBuildStepBuildsAndMergeAcrossLayers()
    {
        var text = Fixture.Replace("mpi: { test:", "mpi: { targets: [realm_unit_tests], test:")
            .Replace("  env: { A: \"b c\" }", "  env: { A: \"b c\" }\n  targets: [realm]");
        Assert.NotEqual(Fixture, text);
        StepPlan Plan(string id) => StepPlanner.Plan(Selector.Select(Yaml.Open(text), new SelectionOptions { Configs = [id] }).Configurations[0], Options,
            ExecutorLayout.Docker("img:1", "/home/me/realm", "/home/me/a/local", "/home/me/.cache/ccache", "1000:1000", RunLabels), 2);
        Assert.Equal("cmake --build /work/build --parallel 2 --target realm realm_unit_tests", string.Join(" ", Plan("mpi").Step(StepKind.Build).Command));
        Assert.Equal(["--target", "realm"], Plan("local").Step(StepKind.Build).Command.TakeLast(2));
        Assert.DoesNotContain("--target", Docker().Step(StepKind.Build).Command);
    }

    [Fact]
    public void TheAbiAndCoverageStepsHaveLimitsOfTheirOwnSizedForRealRealm()
    {
        // The ABI step of real Realm (two 94 MB dumps) ran past the shared 15-minute default; the cap still lowers them.
        Assert.Equal((TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(15)),
            (StepTimeouts.For(StepKind.Abi, null), StepTimeouts.For(StepKind.Coverage, null), StepTimeouts.For(StepKind.Install, null)));
        Assert.Equal(TimeSpan.FromMinutes(20), StepTimeouts.For(StepKind.Abi, TimeSpan.FromMinutes(20)));

        // A generated job whose args ask for them gets their time too (image 60 + configure 15 + build 180 + test 120 + install 15 + 15 overhead = 405).
        var job = new RealmCi.Ci.CiJob("a", new RealmCi.Ci.Runner("default", ["self-hosted"], []), [], ["a"]);
        int Minutes(params string[] args) => RealmCi.Ci.JobTimeout.Minutes(new RealmCi.Ci.CiSettings { Args = [.. args] }, "nightly", job, RealmCi.Ci.JobTimeout.Part.Whole, hostedGithub: false);
        // --abi-baseline: the ABI step (90) and, first, the baseline's configure, build, install and dump (15 + 180 + 15 + 90).
        Assert.Equal((405, 465, 795), (Minutes(), Minutes("--coverage"), Minutes("--abi-baseline=v25.11.0")));
        Assert.Equal(285, RealmCi.Ci.JobTimeout.Minutes(new RealmCi.Ci.CiSettings { Args = ["--coverage"] }, "nightly", job, RealmCi.Ci.JobTimeout.Part.Build, hostedGithub: false)); // a build-only job runs no coverage
    }
}
