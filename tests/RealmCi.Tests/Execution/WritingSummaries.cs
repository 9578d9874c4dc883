using RealmCi.Results;
using System.Xml.Linq;
using RealmCi.CMake;
using RealmCi.Execution;
using RealmCi.Reporting;

namespace RealmCi.Tests.Execution;

public sealed class WritingSummaries : InTempFolder
{

    private static ConfigurationResult Passed(string id) => new(id, ConfigurationStatus.Passed,
        [new StepResult(StepKind.Test, StepStatus.Passed, 0, 2, "ctest", null)],
        [new TestCaseResult("unit.a", TestStatus.Passed, 0.1, null, "ok"), new TestCaseResult("gpu.b", TestStatus.Skipped, 0, "needs a GPU")],
        "img", ExecutorKind.Docker, DateTimeOffset.UtcNow, 61, $"/a/{id}", $"./build.sh --target=Test --config={id}");

    private static ConfigurationResult BuildFailed(string id) => new(id, ConfigurationStatus.Failed,
        [new StepResult(StepKind.Build, StepStatus.Failed, 1, 2, "cmake --build", "/a/build.log", "exit code 1")], [],
        "img", ExecutorKind.Docker, DateTimeOffset.UtcNow, 3, $"/a/{id}", $"./build.sh --target=Test --config={id}");

    [Fact]
    public void TheMergedJUnitHasOneSuitePerConfigurationNamedByItsId()
    {
        var files = new SummaryFiles(dir, "profile 'pr'", ["gcc12-release-local-cpu", "clang16-debug-mpi-cpu"]);
        files.Add(Passed("gcc12-release-local-cpu"));
        files.Add(BuildFailed("clang16-debug-mpi-cpu"));
        var doc = XDocument.Load(files.JUnit);
        var suites = doc.Root!.Elements("testsuite").ToList();
        Assert.Equal(["gcc12-release-local-cpu", "clang16-debug-mpi-cpu"], suites.Select(s => (string)s.Attribute("name")!));
        Assert.Equal("1", (string)suites[0].Attribute("skipped")!);
        Assert.Equal("needs a GPU", (string)suites[0].Elements("testcase").Last().Element("skipped")!.Attribute("message")!);
        // A configuration that failed before testing shows as one failing case.
        Assert.Equal("build step", (string)suites[1].Element("testcase")!.Attribute("name")!);
        Assert.NotNull(suites[1].Element("testcase")!.Element("failure"));
    }

    private static ConfigurationResult NotRun(string id) =>
        ConfigurationResult.NotStarted(id, "not started: --fail-fast after b failed", $"/a/{id}", $"./build.sh --config={id}");

    private static ConfigurationResult Unavailable(string id) => new(id, ConfigurationStatus.Unavailable,
        [new StepResult(StepKind.Image, StepStatus.Failed, null, 1, null, "/a/image.log", "no base image")], [], null, ExecutorKind.Docker, DateTimeOffset.UtcNow, 1, $"/a/{id}", "r")
        { Reason = "base image 'x' is not in the engine" };

    [Fact]
    public void ConfigurationsNotRunOrUnavailableAreListedWithTheirReasonInEveryFile()
    {
        var files = new SummaryFiles(dir, "x", ["a", "b", "c", "d"]);
        files.Add(Passed("a"));
        files.Add(BuildFailed("b"));
        files.Add(NotRun("c"));
        files.Add(Unavailable("d"));
        files.Complete(interrupted: false);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(files.Json));
        var root = json.RootElement;
        Assert.Equal(4, root.GetProperty("selected").GetInt32());
        Assert.Equal(3, root.GetProperty("finished").GetInt32());
        Assert.Equal(1, root.GetProperty("notRun").GetInt32());
        Assert.Equal(1, root.GetProperty("unavailable").GetInt32());
        Assert.Equal(["passed", "failed", "not-run", "unavailable"], root.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        Assert.Equal("not started: --fail-fast after b failed", root.GetProperty("results")[2].GetProperty("reason").GetString());

        var md = File.ReadAllText(files.Markdown);
        Assert.Contains("1 of 4 configurations passed, 1 not run, 1 unavailable here", md);
        Assert.Contains("| `c` | ⏭️ not run | 0.0s | 0 | 0 | 0 | not started: --fail-fast after b failed |", md);
        Assert.Contains("| `d` | 🚫 unavailable |", md);

        var suites = XDocument.Load(files.JUnit).Root!.Elements("testsuite").ToList();
        Assert.Equal(4, suites.Count);
        var skipped = suites[2].Element("testcase")!.Element("skipped")!;
        Assert.Equal("not started: --fail-fast after b failed", (string)skipped.Attribute("message")!);
        Assert.Equal("base image 'x' is not in the engine", (string)suites[3].Element("testcase")!.Element("skipped")!.Attribute("message")!);
        Assert.Null(suites[3].Descendants("failure").FirstOrDefault()); // unavailable is not a failure
    }

    [Fact]
    public void TheConsoleSummaryNamesWhatDidNotRunAndWhy()
    {
        var output = ConsoleSummary(200, [Passed("a"), BuildFailed("b"), NotRun("c"), Unavailable("d")]);
        Assert.Contains("1 of 4 configurations passed; 1 not run; 1 unavailable here.", output);
        Assert.Contains("Not run c: not started: --fail-fast after b failed", output);
        Assert.Contains("Unavailable d: base image 'x' is not in the engine", output);
        Assert.Contains("Reproduce b:", output);
        Assert.DoesNotContain("Reproduce c:", output);
    }

    [Fact]
    public void AReproduceCommandStaysOneLineHoweverNarrowTheConsole() =>
        Assert.Contains("Reproduce b: ./build.sh --target=Test --config=b   (logs: /a/b)\n", ConsoleSummary(40, [BuildFailed("b")]).ReplaceLineEndings("\n"));

    private static string ConsoleSummary(int width, IReadOnlyList<ConfigurationResult> results)
    {
        var text = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
            { Out = new Spectre.Console.AnsiConsoleOutput(text), Ansi = Spectre.Console.AnsiSupport.No, ColorSystem = Spectre.Console.ColorSystemSupport.NoColors });
        console.Profile.Width = width;
        new RunReporter(console).Summary(results, results.Count);
        return text.ToString();
    }

    [Fact]
    public void TheResultFilesAreJsonWithoutEscapedPlusSigns()
    {
        var r = Passed("g++-12") with { Reproduce = "./build.sh --config=g++-12" };
        ResultJson.Write(Path.Combine(dir, "result.json"), r);
        var text = File.ReadAllText(Path.Combine(dir, "result.json"));
        Assert.Contains("\"id\": \"g++-12\"", text);
        Assert.Equal("g++-12", ResultJson.Read(Path.Combine(dir, "result.json"))!.Id);
    }

    [Fact]
    public void ResultsAreListedInSelectionOrderWhateverOrderTheyFinishIn()
    {
        var files = new SummaryFiles(dir, "x", ["a", "b", "c"]);
        files.Add(Passed("c"));
        files.Add(Passed("a"));
        var ids = System.Text.Json.JsonDocument.Parse(File.ReadAllText(files.Json)).RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString());
        Assert.Equal(["a", "c"], ids);
    }

    [Fact]
    public void TheMarkdownTableNamesEachResultAndHowToReproduceFailures()
    {
        var files = new SummaryFiles(dir, "x", ["a", "b", "c"]);
        files.Add(Passed("a"));
        files.Add(BuildFailed("b"));
        var md = File.ReadAllText(files.Markdown);
        Assert.Contains("1 of 3 configurations passed", md);
        Assert.Contains("| `a` | ✅ passed | 1m01s | 1 | 0 | 1 |  |", md);
        Assert.Contains("| `b` | ❌ failed | 3.0s | 0 | 0 | 0 | build failed |", md);
        Assert.Contains("    ./build.sh --target=Test --config=b", md);
    }

    [Fact]
    public void TheGitHubStepSummaryGetsTheTableOnceAtTheEnd()
    {
        var step = Path.Combine(dir, "step.md"); // GITHUB_STEP_SUMMARY, as the host facts pass it
        var files = new SummaryFiles(dir, "x", ["a"], step);
        files.Add(Passed("a"));
        Assert.False(File.Exists(step));
        files.Complete(interrupted: false);
        Assert.Contains("1 of 1 configurations passed", File.ReadAllText(step));
    }

    [Fact]
    public async Task AReaderNeverSeesAHalfWrittenSummary()
    {
        var files = new SummaryFiles(dir, "x", [.. Enumerable.Range(0, 300).Select(i => $"c{i}")]);
        var writing = true;
        var reads = 0;
        var reader = Task.Run(() =>
        {
            while (Volatile.Read(ref writing))
            {
                if (!File.Exists(files.Json)) continue;
                using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(files.Json)); // throws on a torn file
                reads++;
            }
        });
        for (var i = 0; i < 300; i++) files.Add(Passed($"c{i}"));
        Volatile.Write(ref writing, false);
        await reader;
        Assert.True(reads > 0);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp-*"));
        Assert.Equal(300, System.Text.Json.JsonDocument.Parse(File.ReadAllText(files.Json)).RootElement.GetProperty("results").GetArrayLength());
    }
}
