using RealmCi.CMake;
using RealmCi.Matrix;

namespace RealmCi.Tests.Matrix;

public class DeclaringSignatures
{
    private static string With(string entries) => Yaml.Small + "signatures:\n" + entries;

    [Fact]
    public void AnEntryCarriesItsStepsPatternAndLink()
    {
        var s = Assert.Single(Yaml.Open(With("""
              - { name: full, step: [build, test], pattern: 'no space', explanation: disk, fix: free it, link: 'https://example.org/1' }

            """)).Definition.Signatures.Entries);
        Assert.Equal(("full", "Build,Test", "https://example.org/1", 6), (s.Name, string.Join(",", s.Steps), s.Link?.ToString(), s.Where.Line));
        Assert.True(s.AppliesTo(StepKind.Test) && !s.AppliesTo(StepKind.Configure));
    }

    [Fact]
    public void WithoutAStepItAppliesToEveryStep() =>
        Assert.All(Enum.GetValues<StepKind>(), step => Assert.True(Assert.Single(Yaml.Open(With("  - { name: full, pattern: x, explanation: e, fix: f }\n"))
            .Definition.Signatures.Entries).AppliesTo(step)));

    [Fact]
    public void ABadRegularExpressionIsReportedWhereItStands()
    {
        var error = Assert.Single(Yaml.Errors(With("  - name: full\n    pattern: 'no (space'\n    explanation: e\n    fix: f\n")));
        Assert.Equal(7, error.Where.Line);
        Assert.StartsWith("m.yaml:7:14: signature 'full': pattern is not a valid regular expression", error.ToString());
    }

    [Fact]
    public void AnUnknownStepIsReportedWithTheClosestName()
    {
        var error = Assert.Single(Yaml.Errors(With("  - { name: full, step: configur, pattern: x, explanation: e, fix: f }\n")));
        Assert.Equal("m.yaml:6:25: signature 'full': unknown step 'configur' (did you mean 'configure'?)", error.ToString());
    }

    [Fact]
    public void MissingFieldsUnknownKeysDuplicatesAndBadLinksAreAllReported()
    {
        var errors = Yaml.Errors(With("""
              - { name: a, pattern: x, explanation: e }
              - { name: a, pattern: x, explanation: e, fix: f, reason: r }
              - { name: b, pattern: x, explanation: e, fix: f, link: 'ftp://x' }

            """)).Select(e => e.ToString()).ToList();
        Assert.Contains(errors, e => e.StartsWith("m.yaml:6:5: a signature needs 'fix'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("m.yaml:7:52: unknown key 'reason' in a signature", StringComparison.Ordinal));
        Assert.Contains(errors, e => e == "m.yaml:7:13: signature 'a' is defined twice");
        Assert.Contains(errors, e => e == "m.yaml:8:58: signature 'b': link 'ftp://x' is not an http(s) URL");
    }

    [Fact]
    public void SignaturesMustBeAList() =>
        Assert.Equal("signatures must be a list", Assert.Single(Yaml.Errors(With("  full: x\n"))).Message);
}
