using RealmCi.Results;
using System.Text.Json;
using System.Xml.Linq;
using RealmCi.CMake;
using RealmCi.Errors;
using RealmCi.Execution;
using RealmCi.Images;
using RealmCi.Matrix;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Execution;

/// <summary>The runner and the pipeline over a fake engine: what they write, cache and exit with.</summary>
public sealed class RunningAboveTheEngine : InTempFolder
{
    private const string Text = """
        bases:
          deb: { image: debian:bookworm }
          gone: { image: example.org/not-here:1 }
        defaults: { base: deb, packages: [cmake] }
        axes:
          os: { values: { deb: {}, gone: { base: gone } } }
          n: { values: { one: {}, two: {} } }

        """;

    private static Selection Select(params string[] ids) => Selector.Select(Yaml.Open(Text), new SelectionOptions { Configs = [.. ids] });

    private static FakeEngine Engine()
    {
        var engine = new FakeEngine();
        engine.Images["debian:bookworm"] = "sha256:bookworm";
        return engine;
    }

    private PipelineOptions Options(string artifacts) => new()
    {
        Source = Source(), Artifacts = Path.Combine(dir, artifacts), Cache = Path.Combine(dir, "cache"),
        Executor = ExecutorKind.Docker, Pull = false, GpuPresent = false, User = "0:0", Jobs = 1, Parallel = 1,
    };

    private string Source()
    {
        var source = Path.Combine(dir, "src");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "CMakeLists.txt"), "project(X)\n");
        return source;
    }

    private static Task<int> Run(Selection s, PipelineOptions o, FakeEngine engine, RecordingObserver? observer = null) =>
        Pipeline.RunAsync(s, o, () => engine, observer ?? new RecordingObserver(), CancellationToken.None);

    private static JsonElement Summary(PipelineOptions o) => JsonDocument.Parse(File.ReadAllText(Path.Combine(o.Artifacts, "summary.json"))).RootElement;

    [Fact]
    public async Task TheSourcesFactsDecideAConditionalOverrideWhenTheRunStarts()
    {
        var matrix = Yaml.Open(Text + """
            facts:
              docs-option: { file: CMakeLists.txt, pattern: 'option\(REALM_BUILD_DOCS' }
            overrides:
              - { match: "*", when: { docs-option: true }, cmake: { REALM_BUILD_DOCS: "OFF" } }

            """);
        var selection = Selector.Select(matrix, new SelectionOptions { Configs = ["deb-one"] });
        var options = Options("facts") with { Conditions = FactConditions.Of(matrix.Definition) };
        string Configure(FakeEngine e) => string.Join(" ", e.Ran.First(s => s.Command.Contains("-S")).Command);

        var without = Engine();
        Assert.Equal(0, await Run(selection, options, without)); // the source's CMakeLists.txt has no such option
        Assert.DoesNotContain("REALM_BUILD_DOCS", Configure(without));

        File.AppendAllText(Path.Combine(options.Source, "CMakeLists.txt"), "option(REALM_BUILD_DOCS \"docs\" ON)\n");
        var with = Engine();
        var observer = new RecordingObserver();
        Assert.Equal(0, await Run(selection, options with { Artifacts = Path.Combine(dir, "facts2") }, with, observer));
        Assert.Contains("-DREALM_BUILD_DOCS=OFF", Configure(with));
        Assert.Contains("fact docs-option is true (CMakeLists.txt:2: option(REALM_BUILD_DOCS \"docs\" ON))", observer.Lines);
    }

    [Fact]
    public async Task AnUnsupportedSourceIsReportedUnavailableBeforeAnythingRuns()
    {
        var matrix = Yaml.Open(Text + """
            facts:
              hip-language: { file: CMakeLists.txt, pattern: 'enable_language\(HIP\)' }
            overrides:
              - { match: "*", when: { hip-language: true }, unsupported: "this toolchain cannot enable HIP" }

            """);
        var selection = Selector.Select(matrix, new SelectionOptions { Configs = ["deb-one"] });
        var options = Options("unsupported") with { Conditions = FactConditions.Of(matrix.Definition) };
        File.AppendAllText(Path.Combine(options.Source, "CMakeLists.txt"), "enable_language(HIP)\n");
        var engine = Engine();

        Assert.Equal(RealmCi.Errors.ExitCodes.ConfigurationUnavailable, await Run(selection, options, engine));
        Assert.Empty(engine.Ran); // no image, no configure
        var result = Summary(options).GetProperty("results")[0];
        Assert.Equal("unavailable", result.GetProperty("status").GetString());
        Assert.Contains("the source is not supported: this toolchain cannot enable HIP (fact hip-language is true (CMakeLists.txt:2: enable_language(HIP))",
            File.ReadAllText(Path.Combine(options.Artifacts, "deb-one", "result.json")));
    }

    [Fact]
    public async Task ACachedRerunIntoAFreshArtifactsFolderWritesTheResultsFilesThere()
    {
        var engine = Engine();
        Assert.Equal(0, await Run(Select("deb-one"), Options("first"), engine));
        var ran = engine.Ran.Count;

        var fresh = Options("fresh"); // a new CI runner: same cache, empty artifacts
        Assert.Equal(0, await Run(Select("deb-one"), fresh, engine));
        Assert.Equal(ran, engine.Ran.Count); // nothing ran again
        var folder = Path.Combine(fresh.Artifacts, "deb-one");
        foreach (var file in new[] { "result.json", "configure.log", "build.log", "test.log", "install.log", "image.log", "Dockerfile", "reproduce.sh" })
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "result.json")));
        Assert.Equal("cached", result.RootElement.GetProperty("status").GetString());
        Assert.True(result.RootElement.TryGetProperty("cachedAt", out _));
        Assert.Equal(Options("first").RunId[..8], result.RootElement.GetProperty("cachedFrom").GetString()![..8]);
        Assert.Equal(folder, result.RootElement.GetProperty("artifacts").GetString());
        Assert.Equal("cached", Summary(fresh).GetProperty("results")[0].GetProperty("status").GetString());
        Assert.Single(XDocument.Load(Path.Combine(fresh.Artifacts, "junit.xml")).Root!.Elements("testsuite"));
    }

    [Fact]
    public async Task FailFastOverCachedResultsStartsEveryConfigurationAndExitsZero()
    {
        var engine = Engine();
        var selection = Select("deb-one", "deb-two");
        Assert.Equal(0, await Run(selection, Options("a"), engine));
        var again = Options("b") with { FailFast = true };
        var observer = new RecordingObserver();
        Assert.Equal(0, await Run(selection, again, engine, observer));
        Assert.Contains("deb-one Cached", observer.Lines);
        Assert.Contains("deb-two Cached", observer.Lines);
        var summary = Summary(again);
        Assert.Equal(2, summary.GetProperty("selected").GetInt32());
        Assert.Equal(2, summary.GetProperty("cached").GetInt32());
    }

    [Fact]
    public async Task ConfigurationsNotStartedAfterAFailureAreListedAsNotRunWithTheReason()
    {
        var engine = Engine();
        var options = Options("ff") with { FailFast = true };
        File.WriteAllText(Path.Combine(options.Source, "broken"), "");
        var failing = new FailingEngine(engine);
        Assert.Equal(ExitCodes.Failed, await Pipeline.RunAsync(Select("deb-one", "deb-two"), options, () => failing, new RecordingObserver(), CancellationToken.None));
        var summary = Summary(options);
        Assert.Equal(2, summary.GetProperty("selected").GetInt32());
        Assert.Equal(1, summary.GetProperty("notRun").GetInt32());
        var second = summary.GetProperty("results")[1];
        Assert.Equal("not-run", second.GetProperty("status").GetString());
        Assert.Equal("not started: --fail-fast after deb-one failed", second.GetProperty("reason").GetString());
        Assert.Contains("⏭️ not run", File.ReadAllText(Path.Combine(options.Artifacts, "summary.md")));
        var suite = XDocument.Load(Path.Combine(options.Artifacts, "junit.xml")).Root!.Elements("testsuite").Last();
        Assert.Equal("not started: --fail-fast after deb-one failed", (string)suite.Element("testcase")!.Element("skipped")!.Attribute("message")!);
    }

    [Fact]
    public async Task ImageLogHasEveryLineOfThePreparationWhateverItsKind()
    {
        var options = Options("kinds");
        var observer = new RecordingObserver();
        Assert.Equal(0, await Run(Select("deb-one"), options, Engine(), observer));
        var told = observer.Details.ToList();
        Assert.Contains(told, l => l.Kind == ImageLineKind.Headline);
        Assert.Contains(told, l => l.Kind == ImageLineKind.Output);
        Assert.Equal(told.Select(l => l.Text), File.ReadAllLines(Path.Combine(options.Artifacts, "deb-one", "image.log")));
    }

    [Fact]
    public async Task ABaseImageThisHostCannotGetMakesTheConfigurationUnavailableWithItsReasonInImageLog()
    {
        var engine = Engine();
        var options = Options("gone");
        var folder = Path.Combine(options.Artifacts, "gone-one");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "build.log"), "a log from an earlier run");
        Assert.Equal(ExitCodes.ConfigurationUnavailable, await Run(Select("gone-one"), options, engine));
        Assert.False(File.Exists(Path.Combine(folder, "build.log"))); // cleared before the first step, not after the image
        Assert.Contains("unavailable here", File.ReadAllText(Path.Combine(folder, "image.log")));
        Assert.Contains("example.org/not-here:1", File.ReadAllText(Path.Combine(folder, "image.log")));
        var result = Summary(options).GetProperty("results")[0];
        Assert.Equal("unavailable", result.GetProperty("status").GetString());
        Assert.Contains("not in the engine", result.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AnyFailureOutranksUnavailable()
    {
        var failing = new FailingEngine(Engine());
        Assert.Equal(ExitCodes.Failed, await Pipeline.RunAsync(Select("deb-one", "gone-one"), Options("mixed"), () => failing, new RecordingObserver(), CancellationToken.None));
    }

    [Fact]
    public async Task AnEmptySelectionExitsWithItsOwnCodeAndSaysSo()
    {
        var observer = new RecordingObserver();
        var empty = new Selection("--select=nothing*", [], 4);
        Assert.Equal(ExitCodes.EmptySelection, await Pipeline.RunAsync(empty, Options("empty"), () => Engine(), observer, CancellationToken.None));
        Assert.Contains(observer.Lines, l => l.Contains("the selection is empty"));
    }

    [Fact]
    public async Task TheStepsThatRanAreThePlansSteps()
    {
        var engine = Engine();
        var options = Options("plan");
        var runner = new ConfigurationRunner(options, engine, new ImagePreparer(engine, false), new RecordingObserver());
        var c = Select("deb-one").Configurations[0];
        var r = await runner.RunAsync(c, 1, CancellationToken.None);
        var plan = StepPlanner.Plan(c, options, ExecutorLayout.Docker(r.Image!, options.Source, Path.Combine(options.Artifacts, c.Id),
            Path.Combine(options.Cache, "ccache"), options.User, RealmCi.Containers.Labels.For(options.RunId, c.Id)), 1);
        // Each step's listings (the test step lists every defined test first), then its command.
        static IEnumerable<string[]> Listings(PlannedStep s) => s.Tests is { } t
            ? new[] { t.ListAll, t.ListGpuTests, t.ListForLauncher }.Where(l => !l.IsEmpty).Select(l => l.ToArray()) : [];
        Assert.Equal(plan.Steps.SelectMany(s => Listings(s).Append(s.Command.ToArray())), engine.Ran.Select(s => s.Command.ToArray()));
        Assert.Equal(plan.Steps.Select(s => PlanText.Line(plan, s)), r.Steps.Skip(1).Select(s => s.Command!));
    }

    /// <summary>The fake engine, with every configure step failing.</summary>
    private sealed class FailingEngine(FakeEngine inner) : RealmCi.Containers.IContainerEngine
    {
        public string Endpoint => inner.Endpoint;
        public Task<RealmCi.Containers.EngineInfo> PingAsync(CancellationToken c) => inner.PingAsync(c);
        public Task<string?> ImageIdAsync(string r, CancellationToken c) => inner.ImageIdAsync(r, c);
        public Task PullAsync(string r, Action<string> l, CancellationToken c) => inner.PullAsync(r, l, c);
        public Task ImportAsync(Stream s, string r, CancellationToken c) => inner.ImportAsync(s, r, c);
        public Task BuildAsync(string d, IReadOnlyDictionary<string, string> f, string t, IReadOnlyDictionary<string, string> l, Action<string> log, CancellationToken c) => inner.BuildAsync(d, f, t, l, log, c);
        public Task<long> RunAsync(RealmCi.Containers.ContainerSpec s, Action<RealmCi.Containers.OutputLine> o, CancellationToken c) =>
            Task.FromResult(s.Command[0] == "cmake" && s.Command.Contains("-S") ? 1L : 0L);
        public Task<IReadOnlyList<RealmCi.Containers.ContainerInfo>> ContainersAsync(string k, string? v, CancellationToken c) => inner.ContainersAsync(k, v, c);
        public Task RemoveAsync(string id, CancellationToken c) => inner.RemoveAsync(id, c);
    }
}
