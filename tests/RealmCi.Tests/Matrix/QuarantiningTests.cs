using RealmCi.Matrix;

namespace RealmCi.Tests.Matrix;

public class QuarantiningTests
{
    private const string Text = Yaml.Small + """
        quarantine:
          - { configs: "*-c2", test: machine_config, reason: "data race in stop_worker_threads", link: "https://example.org/issues/1" }
          - { configs: "a3-*", test: "realm_unit_tests.*", reason: flaky }

        """;

    private static Quarantine Quarantine => Yaml.Open(Text).Definition.Quarantine;

    [Fact]
    public void ATestIsQuarantinedInTheConfigurationsItsGlobMatches()
    {
        var entry = Quarantine.Find("a1-b2-c2", "machine_config");
        Assert.NotNull(entry);
        Assert.Equal("data race in stop_worker_threads", entry.Reason);
        Assert.Equal(new Uri("https://example.org/issues/1"), entry.Link);
        Assert.Equal(6, entry.Where.Line);
    }

    [Fact]
    public void AnotherConfigurationOrTestIsNotQuarantined()
    {
        Assert.Null(Quarantine.Find("a1-b2", "machine_config"));
        Assert.Null(Quarantine.Find("a1-b2-c2", "machine_config2"));
        Assert.Null(Quarantine.Find("a1-b2-c2", "version_check"));
    }

    [Fact]
    public void TheTestMayBeAGlob()
    {
        Assert.Equal("flaky", Quarantine.Find("a3-b1", "realm_unit_tests.Foo/Bar")?.Reason);
        Assert.Null(Quarantine.Find("a3-b1", "realm_unit_tests"));
        Assert.Equal(2, Quarantine.For("a3-b1-c2").Count());
    }

    [Fact]
    public void AnEntryNeedsConfigsTestAndReason()
    {
        var errors = Yaml.Errors(Yaml.Small + "quarantine:\n  - { configs: '*' }\n");
        Assert.Contains(errors, e => e.Message == "a quarantine entry needs 'test'");
        Assert.Contains(errors, e => e.Message == "a quarantine entry needs 'reason'");
    }

    [Fact]
    public void AConfigsGlobThatMatchesNoIdIsAnError() =>
        Assert.Contains("quarantine configs 'zz*' matches no configuration Id",
            Assert.Single(Yaml.Errors(Yaml.Small + "quarantine:\n  - { configs: 'zz*', test: t, reason: r }\n")).Message);

    [Fact]
    public void ALinkMustBeAUrl() =>
        Assert.Contains("is not an http(s) URL",
            Assert.Single(Yaml.Errors(Yaml.Small + "quarantine:\n  - { configs: '*', test: t, reason: r, link: 'issue 7' }\n")).Message);
}
