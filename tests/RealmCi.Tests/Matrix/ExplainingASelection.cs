using RealmCi.Matrix;

namespace RealmCi.Tests.Matrix;

public class ExplainingASelection
{
    private const string Text = Yaml.Small + """
        exclude:
          - { a: a3, b: b2, reason: no a3 on b2 }
        constraints:
          - { when: { c: c2 }, require: { a: a1 }, reason: c2 only on a1 }
        profiles:
          pr: { strategy: pairwise }
          ones: { select: ["a1-*"] }
        """;

    private static string Explain(string id, SelectionOptions? options = null) =>
        string.Join("\n", Explainer.Explain(Yaml.Open(Text), options ?? new(), id));

    [Fact]
    public void AnExcludedCombinationNamesTheRuleAndItsReason()
    {
        var text = Explain("a3-b2");
        Assert.Contains("exclude rule at m.yaml:6:5", text);
        Assert.Contains("no a3 on b2", text);
    }

    [Fact]
    public void AConstrainedCombinationNamesTheConstraint() =>
        Assert.Contains("constraint at m.yaml:8:5: c2 only on a1", Explain("a2-b1-c2"));

    [Fact]
    public void AProfileFilterThatDropsItIsNamed()
    {
        var text = Explain("a2-b1", new() { Profile = "ones" });
        Assert.Contains("filter of profile 'ones'", text);
        Assert.EndsWith("=> not selected.", text);
    }

    [Fact]
    public void ASelectedConfigurationSaysSo() => Assert.EndsWith("=> selected.", Explain("a1-b1", new() { Profile = "ones" }));

    [Fact]
    public void AShardThatLeavesItOutIsNamed()
    {
        var inShard = Enumerable.Range(1, 3).Count(i => Explain("a1-b1", new() { Shard = new Shard(i, 3) }).EndsWith("=> selected."));
        Assert.Equal(1, inShard);
        Assert.Contains(Enumerable.Range(1, 3), i => Explain("a1-b1", new() { Shard = new Shard(i, 3) }).Contains("belongs to shard"));
    }

    [Fact]
    public void ASkipGlobIsNamed() => Assert.Contains("matches --skip=*-b1", Explain("a1-b1", new() { Skip = ["*-b1"] }));
}
