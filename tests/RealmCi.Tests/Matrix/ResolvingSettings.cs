using RealmCi.Matrix;

namespace RealmCi.Tests.Matrix;

public class ResolvingSettings
{
    private const string Layers = """
        defaults:
          cmake: { L: defaults, D: kept }
          packages: [cmake]
          test: { timeout: 100, labels: [unit] }
        axes:
          a:
            values:
              a1: { cmake: { L: a1, A: a }, packages: [g++, cmake], test: { labels: [integration] } }
          b:
            values:
              b1: { cmake: { L: b1 }, env: { E: b1 } }
        include:
          - { a: a1, b: b1, cmake: { L: include } }
        overrides:
          - match: "a1-*"
            cmake: { L: override }
            test: { timeout: 300 }
        """;

    private static BuildConfiguration Resolve(string text, Facets? commandLine = null)
    {
        var m = Yaml.Open(text);
        return ConfigurationResolver.Resolve(m, m.Rows[0], commandLine ?? Facets.Empty);
    }

    [Fact]
    public void LaterLayersWinInTheDocumentedOrder()
    {
        Assert.Equal("override", Resolve(Layers).Settings.Cmake["L"]);
        var cli = Facets.Empty with { Cmake = Facets.Empty.Cmake.Add("L", "cli") };
        Assert.Equal("cli", Resolve(Layers, cli).Settings.Cmake["L"]);
        Assert.Equal("include", Resolve(Layers.Replace("L: override", "O: x")).Settings.Cmake["L"]);
        Assert.Equal("b1", Resolve(Layers.Replace("L: override", "O: x").Replace("L: include", "I: x")).Settings.Cmake["L"]);
    }

    [Fact]
    public void MapsMergeKeyByKey()
    {
        var c = Resolve(Layers).Settings;
        Assert.Equal("kept", c.Cmake["D"]);
        Assert.Equal("a", c.Cmake["A"]);
        Assert.Equal("b1", c.Env["E"]);
    }

    [Fact]
    public void ListsAppendWithoutDuplicates()
    {
        var c = Resolve(Layers).Settings;
        Assert.Equal(["cmake", "g++"], c.Packages.ToArray());
        Assert.Equal(["unit", "integration"], c.Test.Labels.ToArray());
    }

    [Fact]
    public void ScalarsAreReplacedOnlyWhenSet()
    {
        Assert.Equal(300, Resolve(Layers).Settings.Test.Timeout);
        Assert.Equal(100, Resolve(Layers.Replace("test: { timeout: 300 }", "env: { Z: z }")).Settings.Test.Timeout);
    }

    [Fact]
    public void YamlBooleansBecomeCMakeOnOff()
    {
        var c = Resolve("axes:\n  a: { values: { a1: { cmake: { X: true, Y: no, Z: On, N: 17 } } } }\n").Settings.Cmake;
        Assert.Equal(("ON", "OFF", "ON", "17"), (c["X"], c["Y"], c["Z"], c["N"]));
    }

    [Fact]
    public void WithoutABaseTheBuiltInDebianBaseIsUsed()
    {
        var c = Resolve(Yaml.Small);
        Assert.Equal("debian:bookworm", c.Base.Image);
        Assert.Equal("bookworm", c.Base.Bootstrap!.Suite);
    }
}
