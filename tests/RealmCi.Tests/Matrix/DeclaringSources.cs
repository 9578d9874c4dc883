using RealmCi.Matrix;

namespace RealmCi.Tests.Matrix;

public class DeclaringSources
{
    private static string With(string source, string valueFacets = "{ sources: [ucc] }") => $$"""
        sources:
          {{source}}
        axes:
          a: { values: { a1: {{valueFacets}}, a2: {} } }

        """;

    [Fact]
    public void AValueNamingASourceGetsItInItsConfiguration()
    {
        var m = Yaml.Open(With($"ucc: {{ url: 'https://github.com/openucx/ucc/archive/refs/tags/v1.3.0.tar.gz', sha256: {Offers.Sha.ToUpperInvariant()}, file: ucc-1.3.0.tar.gz }}"));
        var source = Assert.Single(ConfigurationResolver.Resolve(m, m.Find("a1")!, Facets.Empty).Sources);
        Assert.Equal(("ucc", "ucc-1.3.0.tar.gz", Offers.Sha), (source.Name, source.File, source.Sha256));
        Assert.Equal("/sources/ucc-1.3.0.tar.gz", source.ImagePath);
        Assert.Empty(ConfigurationResolver.Resolve(m, m.Find("a2")!, Facets.Empty).Sources);
    }

    [Fact]
    public void TheFileDefaultsToTheUrlsLastSegment()
    {
        var m = Yaml.Open(With($"ucc: {{ url: 'https://example.org/x/GASNet-2024.5.0.tar.gz', sha256: {Offers.Sha} }}"));
        Assert.Equal("GASNet-2024.5.0.tar.gz", m.Definition.Sources["ucc"].File);
    }

    [Fact]
    public void AChecksumThatIsNot64HexDigitsIsReportedWhereItStands()
    {
        var error = Assert.Single(Yaml.Errors(With("ucc: { url: 'https://example.org/u.tar.gz', sha256: abc123 }")));
        Assert.Equal(2, error.Where.Line);
        Assert.Contains("sha256 must be 64 hexadecimal digits, not 'abc123' (6 characters)", error.Message);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.org/u.tar.gz")]
    [InlineData("/local/u.tar.gz")]
    public void AUrlMustBeHttpOrHttps(string url)
    {
        var error = Assert.Single(Yaml.Errors(With($"ucc: {{ url: '{url}', sha256: {Offers.Sha} }}")));
        Assert.Contains("is not an http(s) URL", error.Message);
    }

    [Fact]
    public void AFileMustBeAPlainName() =>
        Assert.Contains("must be a plain file name", Assert.Single(Yaml.Errors(
            With($"ucc: {{ url: 'https://example.org/u.tar.gz', sha256: {Offers.Sha}, file: ../u.tar.gz }}"))).Message);

    [Fact]
    public void MissingFieldsAreNamed()
    {
        var errors = Yaml.Errors(With("ucc: { file: u.tar.gz }"));
        Assert.Contains(errors, e => e.Message == "source 'ucc' needs 'url'");
        Assert.Contains(errors, e => e.Message == "source 'ucc' needs 'sha256'");
    }

    [Fact]
    public void AnUnknownSourceNameSuggestsTheClosest()
    {
        var error = Assert.Single(Yaml.Errors(With($"ucc: {{ url: 'https://example.org/u.tar.gz', sha256: {Offers.Sha} }}", "{ sources: [uc] }")));
        Assert.Contains("source 'uc' is not declared under 'sources'", error.Message);
        Assert.Equal("did you mean 'ucc'?", error.Hint);
        Assert.Equal(4, error.Where.Line);
    }

    [Fact]
    public void AnUnknownKeyInASourceSuggestsTheClosest()
    {
        var error = Assert.Single(Yaml.Errors(With($"ucc: {{ url: 'https://example.org/u.tar.gz', sha265: {Offers.Sha} }}")), e => e.Message.Contains("unknown key"));
        Assert.Equal("did you mean 'sha256'?", error.Hint);
    }
}
