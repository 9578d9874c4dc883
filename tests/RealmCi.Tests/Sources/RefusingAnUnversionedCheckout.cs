using RealmCi.Errors;
using RealmCi.Matrix;
using RealmCi.Sources;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Sources;

/// <summary>The version rules of Realm's matrix file (source.version) applied to checkouts' facts.</summary>
public sealed class RefusingAnUnversionedCheckout
{
    private static readonly SourceVersion Rules = MatrixLoader.LoadSource(Yaml.RealmMatrixPath).Version!;

    private const string Unexpanded = "$Format:%(describe:tags,match=v*)$\n";
    private const string JulyCmake = "find_package(Git)\n  string(REGEX REPLACE \"legion-([0-9\\.]+)-.*\" \"\\\\1\" Realm_SHORT_VERSION \"${REALM_GIT_VERSION}\")\n";
    private const string NovemberCmake = "if(REALM_GIT_VERSION MATCHES \"legion-([0-9\\.]+)\")\n";

    private static CheckoutFacts Git(string? tag, bool on = false, bool shallow = false, string? file = Unexpanded, string cmake = NovemberCmake) =>
        new(true, shallow, tag, on, file, cmake);

    [Fact]
    public void RealmsMatrixNamesTheTagsTheFileAndItsMarker()
    {
        Assert.Equal(["v*", "legion-*"], Rules.Tags.ToArray());
        Assert.Equal("VERSION", Rules.File);
        Assert.Equal("$Format:", Rules.Unexpanded);
    }

    [Fact]
    public void AShallowCloneWithoutATagIsToldToUnshallow()
    {
        var problem = VersionCheck.Problem(Rules, Git(null, shallow: true), "/r", "");
        Assert.NotNull(problem);
        Assert.Contains("no tag reachable from HEAD (a shallow clone)", problem);
        Assert.Contains("VERSION is unexpanded ($Format:%(describe:tags,match=v*)$)", problem);
        Assert.EndsWith("Fix: git -C /r fetch --tags --unshallow", problem);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void AFullCloneWithoutTagsIsToldToFetchThem() =>
        Assert.Contains("Fix: git -C /r fetch --tags (", VersionCheck.Problem(Rules, Git(null), "/r", ""));

    [Fact]
    public void ANearestTagOfAnotherKindDoesNotCount() =>
        Assert.Contains("the nearest tag nightly is not v* or legion-*", VersionCheck.Problem(Rules, Git("nightly"), "/r", ""));

    [Theory]
    [InlineData("v25.11.0")]
    [InlineData("legion-25.06.0")]
    public void AReachableTagGivesTheVersion(string tag) => Assert.Null(VersionCheck.Problem(Rules, Git(tag), "/r", ""));

    [Fact]
    public void AnExpandedOrMissingVersionFileGivesOne()
    {
        Assert.Null(VersionCheck.Problem(Rules, Git(null, file: "v25.11.0-3-gabc\n"), "/r", ""));
        Assert.Null(VersionCheck.Problem(Rules, Git(null, file: null), "/r", ""));
    }

    [Fact]
    public void ACopyWithoutGitAndAnUnexpandedFileIsToldToExport()
    {
        var problem = VersionCheck.Problem(Rules, new CheckoutFacts(false, false, null, false, Unexpanded, NovemberCmake), "/r", "");
        Assert.Contains("not a git checkout", problem);
        Assert.Contains("git archive", problem);
    }

    [Fact]
    public void ALegionTreeExactlyOnItsTagIsRefusedWithTheCMakeLine()
    {
        var problem = VersionCheck.Problem(Rules, Git("legion-25.06.0", on: true, file: null, cmake: JulyCmake), "/legion", "realm");
        Assert.NotNull(problem);
        Assert.StartsWith("/legion (realm/): HEAD is exactly on tag legion-25.06.0, and realm/CMakeLists.txt:2 ", problem);
        Assert.Contains("git clone /legion /tmp/legion", problem);
    }

    [Fact]
    public void OnlyTheCMakeThatNeedsASuffixRefusesTheExactTag()
    {
        Assert.Null(VersionCheck.Problem(Rules, Git("legion-25.06.0", on: true, cmake: NovemberCmake), "/r", ""));
        Assert.Null(VersionCheck.Problem(Rules, Git("legion-25.06.0", on: false, cmake: JulyCmake), "/r", "realm"));
    }

    [Fact]
    public void TheRulesAreCheckedWithTheirPlace()
    {
        var file = Path.Combine(Path.GetTempPath(), $"realm-ci-version-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "source:\n  version:\n    file: VERSION\n    not-on-tag:\n      - tags: 'x*'\n        cmake-pattern: '(open'\n");
        try
        {
            var e = Assert.Throws<MatrixException>(() => MatrixLoader.LoadSource(file));
            Assert.Contains(e.Diagnostics, d => d.Message.Contains("needs 'tags'") && d.Where.Line == 3);
            Assert.Contains(e.Diagnostics, d => d.Message.Contains("cmake-pattern is not a regular expression") && d.Where.Line == 6);
            Assert.Contains(e.Diagnostics, d => d.Message.Contains("needs 'fix'"));
        }
        finally { File.Delete(file); }
    }
}
