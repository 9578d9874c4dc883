using System.Collections.Immutable;
using System.Text.Json;
using RealmCi.Downstream;
using RealmCi.Execution;
using RealmCi.Matrix;

namespace RealmCi.IntegrationTests;

/// <summary>
/// The Canary target on the fixtures, in the real engine: the fixture Realm (mini-realm, copied so
/// a test can plant a bug) and its downstream (mini-legion, a git repository tagged at the
/// matrix's pinned ref), composed by the matrix's overlay.
/// </summary>
[Collection("engine")]
public class RunningTheCanary(EngineFixture fx)
{
    private sealed record Run(int Exit, string Artifacts, SilentObserver Observer)
    {
        public string Folder => Path.Combine(Artifacts, "mini-legion", "debug-local");
        public string Canary => File.ReadAllText(Path.Combine(Artifacts, "mini-legion", "canary.md"));
        public JsonElement Result(string folder) => JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "result.json"))).RootElement;
        public string Status(string folder) => Result(folder).GetProperty("status").GetString()!;
    }

    private async Task<Run> Canary(string name, Action<string>? plant = null, string? matrixText = null, bool giveSource = true, bool coverage = false, Quarantine? quarantine = null)
    {
        var realm = Copy(EngineFixture.FixtureSource, Path.Combine(fx.Work, name, "realm"));
        plant?.Invoke(realm);
        var legion = await LegionRepository(Path.Combine(fx.Work, name, "legion"));
        var matrix = matrixText is null ? fx.Matrix : MatrixFile.Parse(matrixText, "matrix.yaml");
        var selection = Selector.Select(matrix, new SelectionOptions { Configs = ["debug-local"] });
        if (coverage) selection = selection with { Configurations = [.. selection.Configurations.Select(RealmCi.CodeCoverage.CoverageBuild.Instrument)] };
        var options = fx.Options(name) with { Source = realm, Force = true, Coverage = coverage, Quarantine = quarantine ?? Quarantine.Empty }; // each test really builds (the fixture tests share a cache)
        var sources = giveSource ? ImmutableSortedDictionary<string, string>.Empty.Add("mini-legion", legion) : ImmutableSortedDictionary<string, string>.Empty;
        var observer = new SilentObserver();
        var exit = await CanaryPipeline.RunAsync(selection, options, matrix.Definition, new CanaryOptions(sources, EngineFixture.FixtureSource),
            () => fx.Engine, observer, CancellationToken.None);
        return new Run(exit, options.Artifacts, observer);
    }

    [Fact]
    public async Task AGreenCanaryBuildsTheDownstreamWithTheRealmUnderTestAndRunsItsSelectedTests()
    {
        // A quarantine entry for one of Realm's tests: matched in Realm's run, and not reported as matching nothing in the downstream's runs (it names no Legion test).
        var run = await Canary("canary-green", quarantine: new Quarantine([new QuarantineEntry("debug-*", "unit.version", "fixture: Realm's test", null, new SourceSpan("matrix.yaml", 3, 1))]));
        Assert.True(run.Exit == 0, $"exit {run.Exit}: {string.Join("\n", run.Observer.Lines)}");
        foreach (var folder in new[] { Path.Combine(run.Artifacts, "debug-local"), run.Folder, Path.Combine(run.Artifacts, "mini-legion", "realms-own-tests", "debug-local") })
            Assert.False(run.Result(folder).GetProperty("tests").TryGetProperty("unmatchedQuarantine", out _), folder);
        Assert.Equal("passed", run.Status(Path.Combine(run.Artifacts, "debug-local"))); // Realm's own run
        Assert.Equal("passed", run.Status(run.Folder));
        var junit = File.ReadAllText(Path.Combine(run.Folder, "junit.xml"));
        foreach (var test in new[] { "legion_reduce", "legion_version", "legion_patched" }) Assert.Contains($"\"{test}\"", junit); // legion_patched exists only when the patch applied
        var tests = run.Result(run.Folder).GetProperty("tests").ToString();
        Assert.Contains("slow_app", tests); // accounted for: left out by the name filter
        Assert.Contains("the selection runs only names matching /^legion_/", tests);
        Assert.Contains("realm 0.3.0", junit); // legion_version's output: the Realm under test's version, not the downstream copy's 0.2.0
        // Realm's own older tests in the downstream's tree: not in the downstream's run, run apart with their own results.
        Assert.DoesNotContain("\"sum_empty\"", junit);
        var older = Path.Combine(run.Artifacts, "mini-legion", "realms-own-tests", "debug-local");
        Assert.Equal("passed", run.Status(older));
        Assert.False(File.Exists(Path.Combine(older, "install.log"))); // their folders only: nothing installed (Legion's install rules name its library)
        Assert.True(File.Exists(Path.Combine(run.Folder, "install.log")));
        var olderJunit = File.ReadAllText(Path.Combine(older, "junit.xml"));
        Assert.Contains("\"sum_empty\"", olderJunit);
        Assert.Contains("\"first_element\"", olderJunit);
        // Three builds under one Id, three warning baselines: the downstream's and its older tests' apart from Realm's own.
        foreach (var scope in new[] { "mini-legion", "mini-legion-realms-own-tests" })
            Assert.True(File.Exists(RealmCi.Warnings.WarningBaseline.PreviousRun(fx.Options("canary-green").Cache, "debug-local", scope)), scope);
        Assert.DoesNotContain("\"legion_reduce\"", olderJunit);
        // Each half of the split accounts the other half's tests as run there, not as filtered away (no "mostly left out" warning).
        var olderNotRun = run.Result(older).GetProperty("tests").GetProperty("notRun");
        Assert.True(olderNotRun.GetProperty("runElsewhere").GetInt32() >= 3, olderNotRun.ToString()); // legion_reduce, legion_version, legion_patched
        Assert.Contains("runs in the mini-legion run", run.Result(older).GetProperty("tests").ToString());
        Assert.Contains("runs in mini-legion's run of Realm's older tests", tests); // sum_empty, first_element
        Assert.DoesNotContain(run.Observer.Lines, l => l.Contains("left out by the label filter", StringComparison.Ordinal));
        Assert.Contains("| Realm's older tests in mini-legion |", run.Canary);
        Assert.Contains("| passed (2 passed, 0 failed, 0 skipped) |", run.Canary);
        Assert.Contains("--target=Canary", File.ReadAllText(Path.Combine(run.Folder, "reproduce.sh")));
        Assert.Contains("--downstream-source=mini-legion=", File.ReadAllText(Path.Combine(run.Folder, "reproduce.sh")));
        Assert.Empty(await fx.Leftovers(fx.Options("canary-green").RunId));
    }

    [Fact]
    public async Task TheDownstreamCompilesRealmsTranslationUnitsFromTheOverlay()
    {
        var run = await Canary("canary-tus");
        var commands = CompileCommands.Read(Path.Combine(run.Folder, "build", "compile_commands.json"))!;
        Assert.Equal(["/src/runtime/realm/src/realm.cc"], commands.Under("/src", "runtime/realm/src/"));
        Assert.Empty(commands.Under("/src", "realm/")); // the downstream's realm/ folder is never built
        Assert.Equal(["/src/runtime/legion.cc", "/src/runtime/realm/src/realm.cc", "/src/test/realm/older.cc", "/src/test/reduce.cc"], commands.Files.Order(StringComparer.Ordinal));
        // …and the overlay really is the Realm under test: its bytes, not the downstream's copy.
        Assert.Equal(File.ReadAllText(Path.Combine(EngineFixture.FixtureSource, "src", "realm.cc")),
            File.ReadAllText(Path.Combine(run.Artifacts, "mini-legion", ".composed", "runtime", "realm", "src", "realm.cc")));
        Assert.Contains("`runtime/realm/src/`: 1 translation unit(s) from the Realm under test", run.Canary);
        Assert.Contains("`broken.cc`", run.Canary); // a Realm source the downstream's list does not compile
    }

    [Fact]
    public async Task APlantedBugThatStillCompilesTurnsTheCanaryRedNamingTheDownstreamTest()
    {
        var run = await Canary("canary-bug", realm =>
        {
            var file = Path.Combine(realm, "src", "realm.cc");
            var text = File.ReadAllText(file);
            Assert.Contains("i < count;", text);
            File.WriteAllText(file, text.Replace("i < count;", "i < count - 1;")); // a wrong result, not a compile error
        });
        Assert.Equal(1, run.Exit);
        Assert.Equal("passed", run.Status(Path.Combine(run.Artifacts, "debug-local"))); // Realm's own tests do not notice
        Assert.Equal("failed", run.Status(run.Folder));
        Assert.Contains("**Realm change**: 1 mini-legion test(s) failed: legion_reduce (no macro the composition lacks", run.Canary); // diagnosed before it is blamed
        Assert.Contains("| passed (3 passed, 0 failed, 1 skipped) |", run.Canary);
        Assert.Contains("legion_reduce: expected 55, got 45", File.ReadAllText(Path.Combine(run.Folder, "test.log")));
    }

    [Fact]
    public async Task ADownstreamThatNoLongerBuildsIsAResultNamingTheFirstCompilerError()
    {
        var run = await Canary("canary-nobuild", realm =>
        {
            var header = Path.Combine(realm, "include", "realm", "realm.h");
            File.WriteAllText(header, File.ReadAllText(header).Replace("int sum(const int *values, int count);\n", "")); // Realm itself still builds
        });
        Assert.Equal(1, run.Exit);
        Assert.Equal("passed", run.Status(Path.Combine(run.Artifacts, "debug-local")));
        Assert.Equal("failed", run.Status(run.Folder));
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(run.Canary, @"\*\*Realm change\*\*: mini-legion no longer builds against this Realm: /src/(runtime/legion|test/realm/older)\.cc:\d+:\d+: error: .sum. is not a member of .realm."), run.Canary);
        // The older tests' column names what no longer builds: the downstream's copy of Realm's older tests, not the downstream.
        Assert.Contains("Realm's older tests in mini-legion: **Realm change**: mini-legion's copy of Realm's older tests no longer builds against this Realm: /src/", run.Canary);
    }

    [Fact]
    public async Task AFailureFromAMacroTheDownstreamsGeneratedHeaderLacksIsDiagnosedAsTheCompositionsNotRealms()
    {
        var run = await Canary("canary-artefact", realm =>
        {
            // A Realm change that is correct for Realm's own build: a new macro in its realm_defines.h template, used by a source.
            var template = Path.Combine(realm, "cmake", "realm_defines.h.in");
            File.WriteAllText(template, File.ReadAllText(template).Replace("#endif", "#define REALM_SUM_START 0\n#endif"));
            var source = Path.Combine(realm, "src", "realm.cc");
            var text = File.ReadAllText(source);
            Assert.Contains("  int total = 0;", text);
            File.WriteAllText(source, "#include \"realm_defines.h\"\n" + text.Replace("  int total = 0;", "  int total = REALM_SUM_START;"));
        });
        Assert.Equal(1, run.Exit);
        Assert.Equal("passed", run.Status(Path.Combine(run.Artifacts, "debug-local"))); // Realm's own build generates the header from its own template
        Assert.Equal("failed", run.Status(run.Folder));
        Assert.Contains("- REALM_SUM_START: defined by the Realm under test's cmake/realm_defines.h.in, not by the downstream's cmake/realm_defines.h.in", run.Canary);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(run.Canary,
            @"\*\*composition artefact, not a Realm regression\*\*: REALM_SUM_START: defined by the Realm under test's cmake/realm_defines\.h\.in, not by the downstream's cmake/realm_defines\.h\.in \(which the composed build uses\): /src/runtime/realm/src/realm\.cc:8:\d+: error: .REALM_SUM_START. was not declared"), run.Canary);
    }

    [Fact]
    public async Task WithoutASourceOrARepositoryTheDownstreamIsUnavailableAndSaysWhatToSupply()
    {
        var run = await Canary("canary-nosource", giveSource: false);
        Assert.Equal(4, run.Exit);
        Assert.Equal("unavailable", run.Status(run.Folder));
        Assert.Contains("supply --downstream-source=mini-legion=PATH", run.Canary);
    }

    [Fact]
    public async Task AnInstallCompositionBuildsTheDownstreamAgainstTheInstalledRealm()
    {
        var text = File.ReadAllText(Path.Combine(EngineFixture.FixtureSource, "matrix.yaml"))
            .Replace("""
                    compose:
                      overlay:
                        - { from: [src/], to: runtime/realm/src/ }
                        - { from: [include/realm/], to: runtime/realm/include/realm/ }
                """, "    compose: { install: { variable: CMAKE_PREFIX_PATH } }")
            .Replace("      generated: [{ realm: [cmake/realm_defines.h.in], downstream: cmake/realm_defines.h.in }]\n", "")
            .Replace("MINI_LEGION_INSTALLED_REALM: OFF", "MINI_LEGION_INSTALLED_REALM: ON");
        Assert.Contains("install: { variable", text);
        var run = await Canary("canary-install", realm =>
        {
            var file = Path.Combine(realm, "src", "realm.cc");
            File.WriteAllText(file, File.ReadAllText(file).Replace("i < count;", "i < count - 1;"));
        }, text);
        Assert.Equal(1, run.Exit); // the planted bug reaches the downstream through the install too
        Assert.Contains("legion_reduce", run.Canary);
        var commands = CompileCommands.Read(Path.Combine(run.Folder, "build", "compile_commands.json"))!;
        Assert.DoesNotContain(commands.Files, f => f.EndsWith("realm.cc", StringComparison.Ordinal)); // Realm came from its install, not compiled here
        Assert.True(File.Exists(Path.Combine(run.Artifacts, "mini-legion", ".composed", ".realm-install", "debug-local", "lib", "cmake", "realm", "RealmConfig.cmake")));
    }

    [Fact]
    public async Task WithCoverageBothSidesWriteGcovrReportsAndTheCanaryTheCoverageRealmLosesWithoutIt()
    {
        var run = await Canary("canary-coverage", coverage: true);
        Assert.Equal(0, run.Exit);
        var realm = Path.Combine(run.Artifacts, "debug-local");
        foreach (var file in new[] { "coverage.json", "cobertura.xml", "coverage/index.html", "coverage.md" })
        {
            Assert.True(File.Exists(Path.Combine(realm, file)), file);
            Assert.True(File.Exists(Path.Combine(run.Folder, file)), file);
        }
        // gcovr's per-file pages stay in the HTML's own folder, not among the configuration's files.
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(realm, "coverage"), "index.*.html"));
        Assert.Empty(Directory.GetFiles(realm, "*.html"));
        Assert.Contains("| `src/realm.cc` | 2/11 | 18.2% |", File.ReadAllText(Path.Combine(realm, "coverage.md"))); // version() and max_dim(), not sum() or first()
        Assert.Contains("filename=\"src/realm.cc\"", File.ReadAllText(Path.Combine(realm, "cobertura.xml")));
        // Realm's older tests in mini-legion's tree, measured apart: sum_empty runs sum() without its loop body, first_element runs first().
        var older = Path.Combine(run.Artifacts, "mini-legion", "realms-own-tests", "debug-local");
        Assert.Contains("| `runtime/realm/src/realm.cc` | 7/11 |", File.ReadAllText(Path.Combine(older, "coverage.md")));
        Assert.Contains("| `test/realm/older.cc` | 0/6 |", File.ReadAllText(Path.Combine(run.Folder, "coverage.md"))); // built, but the downstream's own capture never ran them
        // So the loss is line 9 only (sum's loop body: legion_reduce alone reaches it); 4 lines of sum() apart, 3 of first() only by the older tests.
        var lost = File.ReadAllText(Path.Combine(run.Folder, "coverage-lost.md"));
        Assert.Contains("| `src/realm.cc` | 1 | not executed | `realm::sum(int const*, int)` (9) | 4 | 3 |", lost);
        Assert.Contains("Of Realm's sources, Realm's own tests cover 2 lines; mini-legion's cover 6.", lost); // src/, include/realm/: not Realm's tests/
        Assert.Contains("cover 7 lines of Realm: **4** of the lines mini-legion's tests reach are reached by them too (not counted lost), and **3** lines only by them", lost);
        Assert.Contains("--coverage", File.ReadAllText(Path.Combine(run.Folder, "reproduce.sh")));
    }

    internal static string Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        return to;
    }

    /// <summary>mini-legion as a git repository tagged fixture-1 (the matrix's pinned ref), with a later commit the canary must not see.</summary>
    internal static async Task<string> LegionRepository(string folder)
    {
        Copy(Path.Combine(EngineFixture.Root, "tests", "fixtures", "mini-legion"), folder);
        async Task Git(params string[] args) =>
            Assert.Equal(0, (await Processes.CaptureAsync("git", ["-c", "user.name=fixture", "-c", "user.email=fixture@example.org", .. args], CancellationToken.None, folder)).ExitCode);
        await Git("init", "-q");
        await Git("add", "-A");
        await Git("commit", "-qm", "fixture");
        await Git("tag", "fixture-1");
        File.AppendAllText(Path.Combine(folder, "test", "CMakeLists.txt"), "add_test(NAME legion_after_the_ref COMMAND reduce --slow)\n");
        await Git("commit", "-qam", "after the pinned ref");
        return folder;
    }
}
