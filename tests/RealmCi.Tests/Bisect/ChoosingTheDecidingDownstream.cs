using System.Collections.Immutable;
using RealmCi.Bisect;
using RealmCi.Downstream;
using RealmCi.Errors;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Bisect;

/// <summary>Bisect --downstream[=NAME]: which downstream decides, or one line and exit 2 before any clone or engine call.</summary>
public class ChoosingTheDecidingDownstream
{
    private const string One = "downstreams:\n  legion: { ref: v1, compose: { install: {} } }\n";
    private const string Two = One + "  flexflow: { ref: v2, compose: { install: {} } }\n";

    private static DownstreamBisect For(string downstreams, string? name, params string[] sources) =>
        DownstreamBisect.For(Yaml.Open(Yaml.Small + downstreams).Definition, name,
            new CanaryOptions(sources.ToImmutableSortedDictionary(s => s, _ => "/x", StringComparer.Ordinal), "/"));

    private static string Refused(string downstreams, string? name, params string[] sources)
    {
        var e = Assert.Throws<RealmCiException>(() => For(downstreams, name, sources));
        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
        return e.Message;
    }

    [Fact]
    public void ANameChoosesItsDownstreamAndNoNameTheOnlyOne()
    {
        Assert.Equal("flexflow", For(Two, "flexflow").Project.Name);
        Assert.Equal("legion", For(One, "").Project.Name);
        Assert.Equal("legion", For(One, null, "legion").Project.Name);
    }

    [Fact]
    public void AMistypedNameAnAmbiguousOneOrNoDownstreamsIsAnInputError()
    {
        Assert.Equal("--downstream=legoin: not a downstream of m.yaml (did you mean 'legion'?)", Refused(One, "legoin"));
        Assert.Equal("--downstream: m.yaml has 2 downstreams (flexflow, legion); name one: --downstream=NAME", Refused(Two, ""));
        Assert.StartsWith("--downstream: m.yaml has no downstreams: section", Refused("", "legion"));
        Assert.Equal("--downstream-source=legoin=…: 'legoin' is not a downstream of m.yaml (did you mean 'legion'?)", Refused(One, "legion", "legoin"));
    }
}
