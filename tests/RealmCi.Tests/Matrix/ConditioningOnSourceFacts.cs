using System.Collections.Immutable;
using RealmCi.Matrix;

namespace RealmCi.Tests.Matrix;

/// <summary>
/// Conditions on facts read from the source: a fact is a pattern in a project file (read from a real
/// file here), a conditional override (<c>when:</c>) waits for the source and applies below the
/// command line, and --explain cites the file and line that decided. The real pair: Realm's
/// Nov-2025 CMakeLists.txt defines REALM_BUILD_DOCS (line 134), Legion 25.06's realm/ does not.
/// </summary>
public class ConditioningOnSourceFacts : InTempFolder
{
    private const string Matrix = Yaml.Small + """
        facts:
          docs-option: { file: CMakeLists.txt, pattern: '^\s*option\s*\(\s*REALM_BUILD_DOCS\b' }
        overrides:
          - { match: "*", cmake: { ALWAYS: "1" } }
          - { match: "a1-*", when: { docs-option: true }, cmake: { REALM_BUILD_DOCS: "OFF", ALWAYS: "2" } }

        """;

    private const string November = "project(Realm)\noption(REALM_BUILD_TESTS \"Build tests\" ON)\n  option(REALM_BUILD_DOCS \"Build documentation\" ${PROJECT_IS_TOPLEVEL})\n";
    private const string July = "project(Realm)\noption(REALM_BUILD_TESTS \"Build tests\" ON)\n";

    private ImmutableDictionary<string, FactValue> Facts(ExpandedMatrix m, string cmakeLists)
    {
        File.WriteAllText(Path.Combine(dir, "CMakeLists.txt"), cmakeLists);
        return FactConditions.Of(m.Definition).Read(dir);
    }

    [Fact]
    public void AFactHoldsWhenItsPatternMatchesAndNamesTheLine()
    {
        var m = Yaml.Open(Matrix);
        var nov = Assert.Single(Facts(m, November)).Value;
        Assert.True(nov.Holds);
        Assert.Equal("fact docs-option is true (CMakeLists.txt:3: option(REALM_BUILD_DOCS \"Build documentation\" ${PROJECT_IS_TOPLEVEL}))", nov.Describe());
        var jul = Assert.Single(Facts(m, July)).Value;
        Assert.Equal("fact docs-option is false (CMakeLists.txt: no line matches)", jul.Describe());
        File.Delete(Path.Combine(dir, "CMakeLists.txt"));
        Assert.Equal("CMakeLists.txt: no such file", FactConditions.Of(m.Definition).Read(dir)["docs-option"].Evidence);
    }

    [Fact]
    public void AFactIsNotReadThroughASymbolicLinkOrFromAGiantFile()
    {
        // A fork's checkout, read by a CI plan job: a link to a file outside it is not followed (its matching line would be printed).
        var m = Yaml.Open(Matrix);
        var outside = Path.Combine(dir, "outside.txt");
        File.WriteAllText(outside, November);
        var project = Path.Combine(dir, "fork");
        Directory.CreateDirectory(project);
        File.CreateSymbolicLink(Path.Combine(project, "CMakeLists.txt"), outside);
        var linked = FactConditions.Of(m.Definition).Read(project)["docs-option"];
        Assert.Equal((false, "CMakeLists.txt: not read, CMakeLists.txt is a symbolic link"), (linked.Holds, linked.Evidence));

        File.Delete(Path.Combine(project, "CMakeLists.txt"));
        using (var giant = File.Create(Path.Combine(project, "CMakeLists.txt"))) giant.SetLength(SourceFact.MaxBytes + 1);
        Assert.Equal("CMakeLists.txt: not read, over 8 MB", FactConditions.Of(m.Definition).Read(project)["docs-option"].Evidence);
    }

    [Fact]
    public void AConditionalOverrideAppliesOnlyWhereItsFactHoldsAndTheCommandLineStillWins()
    {
        var commandLine = Facets.Empty with { Cmake = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("ALWAYS", "cli")]) };
        var m = Yaml.Open(Matrix);
        var a1 = Selector.Select(m, new SelectionOptions { Configs = ["a1-b1"] }).Configurations[0];
        Assert.Equal("1", a1.Settings.Cmake["ALWAYS"]); // expanded without the source: only the unconditional override
        Assert.False(a1.Settings.Cmake.ContainsKey("REALM_BUILD_DOCS"));
        var conditions = FactConditions.Of(m.Definition);

        var nov = conditions.Apply(a1, Facts(m, November), Facets.Empty);
        Assert.Equal(("OFF", "2"), (nov.Settings.Cmake["REALM_BUILD_DOCS"], nov.Settings.Cmake["ALWAYS"]));
        Assert.Equal("cli", conditions.Apply(a1 with { Settings = a1.Settings.Then(commandLine) }, Facts(m, November), commandLine).Settings.Cmake["ALWAYS"]);
        Assert.Same(a1, conditions.Apply(a1, Facts(m, July), Facets.Empty));
        var a2 = Selector.Select(m, new SelectionOptions { Configs = ["a2-b1"] }).Configurations[0];
        Assert.Same(a2, conditions.Apply(a2, Facts(m, November), Facets.Empty)); // the glob still counts
    }

    [Fact]
    public void ExplainSaysWhichFactDecidedOrHowItWouldBeRead()
    {
        var m = Yaml.Open(Matrix);
        var conditions = FactConditions.Of(m.Definition);
        Assert.Equal([
            "  conditional override at m.yaml:9:5 (-DALWAYS=2 -DREALM_BUILD_DOCS=OFF): applied:",
            "    when docs-option is true: fact docs-option is true (CMakeLists.txt:3: option(REALM_BUILD_DOCS \"Build documentation\" ${PROJECT_IS_TOPLEVEL}))",
        ], conditions.Explain("a1-b1", Facts(m, November)));
        Assert.Equal([
            "  conditional override at m.yaml:9:5 (-DALWAYS=2 -DREALM_BUILD_DOCS=OFF): not applied:",
            "    when docs-option is true: fact docs-option is false (CMakeLists.txt: no line matches) — decides: not applied",
        ], conditions.Explain("a1-b1", Facts(m, July)));
        Assert.Equal([
            "  conditional override at m.yaml:9:5 (-DALWAYS=2 -DREALM_BUILD_DOCS=OFF): decided by facts of the source (give --realm-source=PATH to read them):",
            @"    when docs-option is true: CMakeLists.txt matches '^\s*option\s*\(\s*REALM_BUILD_DOCS\b'",
        ], conditions.Explain("a1-b1", null));
        Assert.Empty(conditions.Explain("a2-b1", null));
    }

    [Fact]
    public void AConditionalOverrideCanNameBuildTargetsAndExplainSaysWhich()
    {
        // Realm's library target is `realm` in July 2025 and `Realm` in November 2025: realm.yaml's HIP rows take it from a fact.
        var m = Yaml.Open(Yaml.Small + """
            facts:
              capitalised: { file: CMakeLists.txt, pattern: '^\s*add_library\s*\(\s*Realm\s' }
            overrides:
              - { match: "a1-*", when: { capitalised: true }, targets: [Realm] }

            """);
        var a1 = Selector.Select(m, new SelectionOptions { Configs = ["a1-b1"] }).Configurations[0];
        var conditions = FactConditions.Of(m.Definition);
        var nov = conditions.Apply(a1, Facts(m, "project(Realm)\nadd_library(Realm ${SOURCES})\n"), Facets.Empty);
        Assert.Equal(["Realm"], nov.Settings.Targets.ToArray());
        Assert.Same(a1, conditions.Apply(a1, Facts(m, "project(Realm)\nadd_library(realm ${SOURCES})\n"), Facets.Empty));
        Assert.Equal("  conditional override at m.yaml:8:5 (targets: Realm): applied:", conditions.Explain("a1-b1", Facts(m, "add_library(Realm x)\n")).First());
    }

    [Fact]
    public void AnUnsupportedOverrideMakesTheConfigurationUnavailableWithTheFactsEvidence()
    {
        // hip5.2 on bookworm cannot configure a Realm that calls enable_language(HIP) (November 2025); the July Realm it builds.
        var m = Yaml.Open(Yaml.Small + """
            facts:
              hip-language: { file: CMakeLists.txt, pattern: '^\s*enable_language\s*\(\s*HIP\b' }
            overrides:
              - { match: "a1-*", when: { hip-language: true }, unsupported: "CMake 3.25 cannot enable HIP here" }

            """);
        var selection = Selector.Select(m, new SelectionOptions { Configs = ["a1-b1", "a2-b1"] });
        var conditions = FactConditions.Of(m.Definition);

        var nov = conditions.Apply(selection, Facts(m, "project(Realm)\nif(REALM_ENABLE_HIP)\n    enable_language(HIP)\nendif()\n"), Facets.Empty);
        var a1 = nov.Availability["a1-b1"];
        Assert.False(a1.IsAvailable);
        Assert.Equal("unavailable: the source is not supported: CMake 3.25 cannot enable HIP here (fact hip-language is true (CMakeLists.txt:3: enable_language(HIP)); m.yaml:8:5)"
            + " (build a source where that differs, or leave it out with --skip=a1-b1)", a1.Describe());
        Assert.True(nov.Availability.GetValueOrDefault("a2-b1")?.IsAvailable ?? true); // the glob still counts
        var jul = conditions.Apply(selection, Facts(m, "project(Realm)\n"), Facets.Empty);
        Assert.True(jul.Availability.GetValueOrDefault("a1-b1")?.IsAvailable ?? true);

        Assert.Equal([
            "  conditional override at m.yaml:8:5 (unsupported: CMake 3.25 cannot enable HIP here): applied:",
            "    when hip-language is true: fact hip-language is true (CMakeLists.txt:1: enable_language(HIP))",
            "=> from this source: unavailable (CMake 3.25 cannot enable HIP here).",
        ], conditions.Explain("a1-b1", Facts(m, "enable_language(HIP)\n")));
        Assert.Equal(2, conditions.Explain("a1-b1", Facts(m, "project(Realm)\n")).Count()); // not applied: no verdict line
    }

    [Fact]
    public void UnsupportedNeedsAConditionAndAReason()
    {
        var errors = Yaml.Errors(Yaml.Small + """
            facts:
              f: { file: CMakeLists.txt, pattern: 'x' }
            overrides:
              - { match: "*", unsupported: "no source builds this" }
              - { match: "*", when: { f: true }, unsupported: "" }

            """);
        Assert.Equal([
            "m.yaml:8:32: 'unsupported' needs a 'when:' naming the facts of the sources it cannot build (a configuration no source can build belongs in exclude:)",
            "m.yaml:9:51: 'unsupported' needs a reason (what in the source the configuration cannot build)",
        ], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void AnUndeclaredFactAndABadValueAreReportedWhereTheyStand()
    {
        var errors = Yaml.Errors(Yaml.Small + """
            facts:
              docs-option: { file: CMakeLists.txt, pattern: 'x' }
            overrides:
              - { match: "*", when: { docs-opton: true }, cmake: { A: "1" } }
              - { match: "*", when: { docs-option: maybe }, cmake: { A: "1" } }

            """);
        Assert.Equal([
            "m.yaml:8:27: when: 'docs-opton' is not a fact of this file (facts:) (did you mean 'docs-option'?)",
            "m.yaml:9:40: when: docs-option takes true or false",
        ], errors.Select(e => e.ToString()));
        Assert.StartsWith("m.yaml:6:", Assert.Single(Yaml.Errors(Yaml.Small + "facts:\n  x: { file: /etc/passwd, pattern: 'x' }\n")).ToString());
    }

    [Fact]
    public void TheRealmMatrixSetsEveryOptionOnlySomeVersionsDefine()
    {
        var definition = Yaml.Open(File.ReadAllText(Yaml.RealmMatrixPath)).Definition;
        Assert.Equal(["aio-option", "docs-option", "hip-language", "hip-tests"],
            definition.Facts.Keys.Order(StringComparer.Ordinal));
        // Every fact decides something: no fact is read for nothing.
        Assert.All(definition.Facts.Keys, f => Assert.Contains(definition.Overrides, o => o.When.ContainsKey(f)));
    }
}
