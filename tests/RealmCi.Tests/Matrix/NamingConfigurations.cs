using RealmCi.Matrix;

namespace RealmCi.Tests.Matrix;

public class NamingConfigurations
{
    [Fact]
    public void AnIdLeavesOutValuesEqualToTheirAxisDefault()
    {
        var m = Yaml.Open(Yaml.Small);
        Assert.Contains("a1-b1", m.ById.Keys);
        Assert.Contains("a1-b1-c2", m.ById.Keys);
    }

    [Fact]
    public void EveryIdOfTheRealmMatrixReadsBackIntoItsValues()
    {
        var m = MatrixFile.Open(Yaml.RealmMatrixPath);
        foreach (var row in m.Rows)
        {
            Assert.True(ConfigurationId.TryParse(m.Axes, row.Id, out var values, out var error), error);
            Assert.Equal(row.Values, values);
            Assert.Matches("^[a-z0-9._-]+$", row.Id);
        }
        Assert.Equal(m.Rows.Count, m.Rows.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void ParsingAnIdWithAnUnknownPartSuggestsTheClosestValue()
    {
        var m = Yaml.Open(Yaml.Small);
        Assert.False(ConfigurationId.TryParse(m.Axes, "a1-b3", out _, out var error));
        Assert.Contains("'b3' in 'a1-b3' is not a value of any axis", error);
    }

    [Fact]
    public void ParsingAnIdMissingAnAxisWithoutDefaultFails()
    {
        var m = Yaml.Open(Yaml.Small);
        Assert.False(ConfigurationId.TryParse(m.Axes, "a1-c2", out _, out var error));
        Assert.Contains("no value for axis 'b'", error);
    }

    [Fact]
    public void ParsingAnIdGivingAnAxisTwiceFails()
    {
        var m = Yaml.Open(Yaml.Small);
        Assert.False(ConfigurationId.TryParse(m.Axes, "a1-a2-b1", out _, out var error));
        Assert.Contains("gives axis 'a' twice", error);
    }
}
