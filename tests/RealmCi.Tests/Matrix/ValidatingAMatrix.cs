namespace RealmCi.Tests.Matrix;

public class ValidatingAMatrix
{
    [Fact]
    public void AnUnknownTopLevelKeySuggestsTheClosestValidOne()
    {
        var error = Assert.Single(Yaml.Errors(Yaml.Small + "profils: {}\n"));
        Assert.Equal(("m.yaml", 5, 1), (error.Where.File, error.Where.Line, error.Where.Column));
        Assert.Contains("unknown key 'profils'", error.Message);
        Assert.Equal("did you mean 'profiles'?", error.Hint);
    }

    [Fact]
    public void AnUnknownFacetKeyInAValueIsReportedWhereItStands()
    {
        var error = Assert.Single(Yaml.Errors("axes:\n  a:\n    values:\n      a1: { cmak: { X: 1 } }\n"));
        Assert.Equal((4, 13), (error.Where.Line, error.Where.Column));
        Assert.Equal("did you mean 'cmake'?", error.Hint);
    }

    [Fact]
    public void AnUnknownAxisValueInARuleNamesTheAxisAndSuggests()
    {
        var error = Assert.Single(Yaml.Errors(Yaml.Small + "exclude:\n  - { a: a4, b: b1 }\n"));
        Assert.Equal(6, error.Where.Line);
        Assert.Contains("'a4' matches no value of axis 'a'", error.Message);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public void AnUnknownAxisInARuleIsAnUnknownKey()
    {
        var errors = Yaml.Errors(Yaml.Small + "exclude:\n  - { d: x }\n");
        Assert.Contains(errors, e => e.Message.Contains("unknown key 'd' in an exclude rule") && e.Hint == "expected one of: a, b, c, reason");
    }

    [Fact]
    public void AnExcludeThatRemovesNothingIsAnError()
    {
        // The constraint already removes every a1 row, so the exclude is dead.
        var text = Yaml.Small + "constraints:\n  - { when: { a: a1 }, forbid: { b: '*' } }\nexclude:\n  - { a: a1, b: b2 }\n";
        var error = Assert.Single(Yaml.Errors(text));
        Assert.Equal(8, error.Where.Line);
        Assert.Contains("removes no combination", error.Message);
    }

    [Fact]
    public void AProfileThatSelectsNothingIsAnError()
    {
        var text = Yaml.Small + "exclude:\n  - { b: b2 }\nprofiles:\n  p: { where: { b: b2 } }\n";
        var error = Assert.Single(Yaml.Errors(text));
        Assert.Equal((8, 3), (error.Where.Line, error.Where.Column));
        Assert.Contains("profile 'p' selects no configuration", error.Message);
    }

    [Fact]
    public void AProfileListingAnExcludedIdSaysWhichRuleRemovedIt()
    {
        var text = Yaml.Small + "exclude:\n  - { b: b2, reason: not today }\nprofiles:\n  p: { configs: [a1-b2] }\n";
        var error = Assert.Single(Yaml.Errors(text));
        Assert.Contains("removed by the exclude rule at m.yaml:6:5", error.Message);
        Assert.Contains("not today", error.Message);
    }

    [Fact]
    public void TwoIncludesOfTheSameConfigurationAreADuplicateId()
    {
        var text = Yaml.Small + "exclude:\n  - { c: c2 }\ninclude:\n  - { a: a1, b: b1, c: c2 }\n  - { a: a1, b: b1, c: c2 }\n";
        var error = Assert.Single(Yaml.Errors(text));
        Assert.Equal(9, error.Where.Line);
        Assert.Contains("duplicate Id 'a1-b1-c2'", error.Message);
    }

    [Fact]
    public void RulesThatRemoveEverythingLeaveAnEmptyMatrixError()
    {
        var errors = Yaml.Errors(Yaml.Small + "exclude:\n  - { b: b1 }\n  - { b: b2 }\n");
        Assert.Contains(errors, e => e.Message.Contains("no valid configuration"));
    }

    [Fact]
    public void AnIncludeThatBreaksAConstraintIsAnError()
    {
        var text = Yaml.Small + "constraints:\n  - { when: { a: a3 }, require: { b: b1 }, reason: a3 needs b1 }\ninclude:\n  - { a: a3, b: b2 }\n";
        var error = Assert.Single(Yaml.Errors(text));
        Assert.Contains("breaks the constraint at m.yaml:6:5 (a3 needs b1)", error.Message);
    }

    [Fact]
    public void AnOverrideMatchingNoIdIsAnError()
    {
        var error = Assert.Single(Yaml.Errors(Yaml.Small + "overrides:\n  - { match: 'zz-*', env: { A: b } }\n"));
        Assert.Contains("matches no configuration Id", error.Message);
    }

    [Fact]
    public void ValueNamesMustBeUniqueAcrossAxesSoIdsReadBack()
    {
        var error = Assert.Single(Yaml.Errors("axes:\n  a: { values: { x: {} } }\n  b: { values: { x: {} } }\n"));
        Assert.Contains("also a value of axis 'a'", error.Message);
    }

    [Fact]
    public void ValueNamesWithADashAreRejected()
    {
        var error = Assert.Single(Yaml.Errors("axes:\n  a: { values: { cuda-12: {} } }\n"));
        Assert.Contains("'-' separates the parts", error.Message);
    }

    [Fact]
    public void InvalidYamlGivesItsLineAndColumn()
    {
        var error = Assert.Single(Yaml.Errors("axes:\n  a: { values: [\n"));
        Assert.StartsWith("not valid YAML", error.Message);
        Assert.True(error.Where.Line >= 2);
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var text = "axes:\n  a: { values: { a1: { cmak: {} } } }\n  b: { default: b9, values: { b1: {} } }\nprofiles:\n  p: { strategy: pairwyse }\n";
        var errors = Yaml.Errors(text);
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Hint == "did you mean 'cmake'?");
        Assert.Contains(errors, e => e.Message.Contains("default 'b9'"));
        Assert.Contains(errors, e => e.Hint == "did you mean 'pairwise'?");
    }

    [Fact]
    public void ATypeMistakeSaysWhatWasExpected()
    {
        var error = Assert.Single(Yaml.Errors("axes:\n  a: { values: { a1: { test: { timeout: soon } } } }\n"));
        Assert.Contains("test.timeout must be a whole number", error.Message);
    }

    [Fact]
    public void AnUnknownBaseIsReported()
    {
        var error = Assert.Single(Yaml.Errors("bases:\n  deb: { image: debian:bookworm }\naxes:\n  a: { values: { a1: { base: dep } } }\n"));
        Assert.Contains("base 'dep' is not defined", error.Message);
        Assert.Equal("did you mean 'deb'?", error.Hint);
    }

    [Fact]
    public void DiagnosticsPrintAsFileLineColumn()
    {
        var error = Assert.Single(Yaml.Errors(Yaml.Small + "profils: {}\n"));
        Assert.Equal("m.yaml:5:1: unknown key 'profils' in the matrix file (did you mean 'profiles'?)", error.ToString());
    }
}
