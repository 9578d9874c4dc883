using RealmCi.Matrix;
using RealmCi.Downstream;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Downstream;

public class ReadingDownstreams
{
    private static string With(string downstream) => Yaml.Small + "downstreams:\n  legion:\n" + string.Join("\n", downstream.Split('\n').Select(l => "    " + l)) + "\n";

    private const string Legion = """
        repository: https://github.com/StanfordLegion/legion.git
        ref: legion-25.06.0
        patches:
          - { realm: ".github/workflows/legion-patches/*.patch" }
          - { file: patches/legion-extra.patch }
        compose:
          overlay:
            - { from: [src/realm/, runtime/realm/], to: runtime/realm/ }
            - { from: [src/realm.h, runtime/realm.h], to: runtime/realm.h }
        cmake: { Legion_BUILD_TESTS: ON, Legion_VERSION: legion-25.06.0 }
        inherit-cmake: [CMAKE_BUILD_TYPE, "CMAKE_*_COMPILER"]
        test: { regex: "^realm_|^legion_", exclude-regex: "^slow", timeout: 240 }
        """;

    [Fact]
    public void AFullEntryBecomesAProject()
    {
        var d = Yaml.Open(With(Legion)).Definition.Downstreams["legion"];
        Assert.Equal(("https://github.com/StanfordLegion/legion.git", "legion-25.06.0"), (d.Repository, d.Ref));
        Assert.Equal([new PatchSource(PatchOrigin.Realm, ".github/workflows/legion-patches/*.patch"), new PatchSource(PatchOrigin.MatrixFolder, "patches/legion-extra.patch")], d.Patches.ToArray());
        Assert.Equal("overlay", d.Compose.Kind);
        Assert.Equal(["src/realm/", "runtime/realm/"], d.Compose.Overlay[0].From.ToArray());
        Assert.Equal("runtime/realm.h", d.Compose.Overlay[1].To);
        Assert.False(d.Compose.Overlay[1].IsFolder);
        Assert.Equal("ON", d.Cmake["Legion_BUILD_TESTS"]);
        Assert.Equal(["CMAKE_BUILD_TYPE", "CMAKE_*_COMPILER"], d.InheritCmake.ToArray());
        Assert.Equal(("^realm_|^legion_", "^slow", 240), (d.Tests.Regex, d.Tests.ExcludeRegex, d.Tests.Timeout));
    }

    [Fact]
    public void RealmsOwnTestsAreASelectionOfTheirOwn()
    {
        var d = Yaml.Open(With("ref: v1\ncompose: { install: {} }\ntest:\n  regex: '^legion_'\n  realms-own-tests: { regex: '^(sum_empty|first)$', targets: [test/realm/all] }")).Definition.Downstreams["legion"];
        var own = d.Tests.RealmsOwn!;
        Assert.Equal(("^(sum_empty|first)$", 0, "test/realm/all"), (own.Regex, own.Labels.Length, Assert.Single(own.Targets)));
        Assert.Equal("^legion_", d.Tests.Regex);
        Assert.Null(Yaml.Open(With("ref: v1\ncompose: { install: {} }")).Definition.Downstreams["legion"].Tests.RealmsOwn);
    }

    [Theory]
    [InlineData("coverings", true)]            // test/realm
    [InlineData("machine_config_args", true)]
    [InlineData("test_event", true)]           // test/realm/c
    [InlineData("event_latency", true)]        // test/performance/realm
    [InlineData("version_check_network_mpi", true)]
    [InlineData("virtual_map", false)]         // Legion's own tests
    [InlineData("attach_file_mini", false)]
    [InlineData("memcpy_2", false)]
    public void TheRealMatrixCountsLegionsCopiesOfRealmsTestsApart(string test, bool realms)
    {
        var own = MatrixFile.Open(Yaml.RealmMatrixPath).Definition.Downstreams["legion"].Tests.RealmsOwn!;
        Assert.Equal(realms, System.Text.RegularExpressions.Regex.IsMatch(test, own.Regex!));
        Assert.Contains("test/realm/all", own.Targets);
    }

    [Fact]
    public void AnOverlayNamesTheGeneratedHeadersItKeepsFromTheDownstream()
    {
        var d = Yaml.Open(With("ref: v1\ncompose:\n  overlay: [{ from: [src/], to: r/ }]\n  generated: [{ realm: [cmake/realm_defines.h.in, x.in], downstream: cmake/realm_defines.h.in }]")).Definition.Downstreams["legion"];
        var g = Assert.Single(d.Compose.Generated);
        Assert.Equal(["cmake/realm_defines.h.in", "x.in"], g.Realm.ToArray());
        Assert.Equal("cmake/realm_defines.h.in", g.Downstream);
    }

    [Fact]
    public void InstallCompositionDefaultsToCmakePrefixPath()
    {
        var d = Yaml.Open(With("ref: v1\ncompose: { install: {} }")).Definition.Downstreams["legion"];
        Assert.True(d.Compose.IsInstall);
        Assert.Equal("CMAKE_PREFIX_PATH", d.Compose.InstallVariable);
    }

    [Fact]
    public void AMatrixWithoutTheSectionHasNoDownstreams() => Assert.Empty(Yaml.Open(Yaml.Small).Definition.Downstreams);

    [Theory]
    [InlineData("compose: { install: {} }", 7, "needs 'ref'")]
    [InlineData("ref: v1", 7, "needs 'compose'")]
    [InlineData("ref: v1\ncompose: { overlay: [], install: {} }", 8, "exactly one of 'overlay' or 'install'")]
    [InlineData("ref: v1\ncompose: { overlay: [] }", 8, "must be a non-empty list")]
    [InlineData("ref: v1\ncompose: { overlay: [{ from: [../realm/], to: runtime/realm/ }] }", 8, "overlay path '../realm/' must be relative")]
    [InlineData("ref: v1\ncompose: { overlay: [{ from: [/abs/realm/], to: runtime/realm/ }] }", 8, "must be relative")]
    [InlineData("ref: v1\ncompose:\n  overlay:\n    - { from: [src/realm], to: runtime/realm/ }", 10, "maps a folder to a folder")]
    [InlineData("ref: v1\ncompose: { install: {} }\npatches: [{ realm: a.patch, file: b.patch }]", 9, "a patch is one of")]
    [InlineData("ref: v1\ncompose: { install: {} }\npatches: [{ realm: ../a.patch }]", 9, "patch '../a.patch' must be relative")]
    [InlineData("ref: v1\ncompose: { install: {} }\ntest: { regex: '(' }", 9, "test.regex is not a regular expression")]
    [InlineData("ref: v1\ncompose: { install: {} }\ntest: { timeout: 0 }", 9, "timeout must be a whole number ≥ 1")]
    [InlineData("ref: v1\ncompose: { install: {} }\ntests: {}", 9, "unknown key 'tests'")]
    [InlineData("ref: v1\ncompose: { install: {}, generated: [] }", 8, "compose.generated goes with an overlay")]
    [InlineData("ref: v1\ncompose:\n  overlay: [{ from: [src/], to: r/ }]\n  generated: [{ realm: [a.h.in] }]", 10, "a generated header needs 'realm'")]
    [InlineData("ref: v1\ncompose:\n  overlay: [{ from: [src/], to: r/ }]\n  generated: [{ realm: [a.h.in], downstream: /etc/x }]", 10, "generated path '/etc/x' must be relative")]
    [InlineData("ref: v1\ncompose: { install: {} }\ntest: { realms-own-tests: { targets: [x] } }", 9, "realms-own-tests takes exactly one of 'labels' or 'regex'")]
    [InlineData("ref: v1\ncompose: { install: {} }\ntest: { realms-own-tests: { regex: a, labels: [b] } }", 9, "takes exactly one of")]
    [InlineData("ref: v1\ncompose: { install: {} }\ntest: { realms-own-tests: { regex: '[' } }", 9, "test.realms-own-tests.regex is not a regular expression")]
    [InlineData("ref: v1\ncompose: { install: {} }\ntest:\n  realms-own-tests: { regex: a, target: [x] }", 10, "did you mean 'targets'")]
    public void ABadEntryIsReportedAtItsLine(string entry, int line, string message)
    {
        var error = Assert.Single(Yaml.Errors(With(entry)));
        Assert.Equal("m.yaml", error.Where.File);
        Assert.Equal(line, error.Where.Line);
        Assert.Contains(message, error.ToString());
    }

    [Fact]
    public void AnUnknownKeySuggestsTheClosest()
    {
        var error = Assert.Single(Yaml.Errors(With("ref: v1\ncompose: { install: {} }\ninherit-cmak: [X]")));
        Assert.Contains("did you mean 'inherit-cmake'", error.ToString());
    }

    [Fact]
    public void ANameThatCannotNameAFolderIsRefused()
    {
        var error = Assert.Single(Yaml.Errors(Yaml.Small + "downstreams:\n  Legion/2: { ref: v1, compose: { install: {} } }\n"));
        Assert.Equal(6, error.Where.Line);
        Assert.Contains("a name is lower case letters", error.Message);
    }
}
