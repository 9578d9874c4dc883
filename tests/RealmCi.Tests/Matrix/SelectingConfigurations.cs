using RealmCi.Errors;
using RealmCi.Matrix;

namespace RealmCi.Tests.Matrix;

public class SelectingConfigurations
{
    private const string WithProfiles = Yaml.Small + """
        default-profile: quick
        profiles:
          quick: { configs: [a1-b1] }
          twos: { where: { b: b2 } }
          each: { strategy: each }
        """;

    private static List<string> Select(SelectionOptions options, string text = WithProfiles) =>
        Selector.Select(Yaml.Open(text), options).Configurations.Select(c => c.Id).ToList();

    [Fact]
    public void WithoutOptionsTheDefaultProfileIsUsed() => Assert.Equal(["a1-b1"], Select(new()));

    [Fact]
    public void WithoutAnyProfileEveryValidConfigurationIsSelected() => Assert.Equal(12, Select(new(), Yaml.Small).Count);

    [Fact]
    public void AProfileWhereFiltersByAxisValue() =>
        Assert.All(Select(new() { Profile = "twos" }), id => Assert.Contains("b2", id));

    [Fact]
    public void ConfigOptionsOverrideTheProfile() =>
        Assert.Equal(["a3-b2-c2", "a1-b2"], Select(new() { Profile = "twos", Configs = ["a3-b2-c2", "a1-b2"] }));

    [Fact]
    public void SelectAndSkipAreGlobsOnIds()
    {
        Assert.Equal(["a2-b1", "a2-b1-c2", "a2-b2", "a2-b2-c2"], Select(new() { Select = ["a2-*"] }, Yaml.Small));
        Assert.Equal(["a2-b1", "a2-b2"], Select(new() { Select = ["a2-*"], Skip = ["*-c2"] }, Yaml.Small));
    }

    [Fact]
    public void AnEmptySelectionIsItsOwnExitCode()
    {
        var e = Assert.Throws<EmptySelectionException>(() => Select(new() { Select = ["zz*"] }, Yaml.Small));
        Assert.Equal(ExitCodes.EmptySelection, e.ExitCode);
        Assert.Contains("selection is empty", e.Message);
    }

    [Fact]
    public void AnUnknownProfileSuggestsTheClosest()
    {
        var e = Assert.Throws<RealmCiException>(() => Select(new() { Profile = "twoos" }));
        Assert.Contains("did you mean 'twos'?", e.Message);
    }

    [Fact]
    public void AnUnknownConfigSaysWhy()
    {
        var e = Assert.Throws<RealmCiException>(() => Select(new() { Configs = ["a1-b9"] }));
        Assert.Contains("'b9' in 'a1-b9' is not a value of any axis", e.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(13)]
    public void ShardsAreDisjointCoverTheSelectionAndDifferByAtMostOne(int count)
    {
        var all = Select(new(), Yaml.Small);
        var shards = Enumerable.Range(1, count).Select(i => Shard(all, i, count)).ToList();
        Assert.Equal(all.Order(), shards.SelectMany(s => s).Order());
        Assert.Equal(all.Count, shards.Sum(s => s.Count));
        Assert.InRange(shards.Max(s => s.Count) - shards.Min(s => s.Count), 0, 1);
    }

    [Fact]
    public void ShardAssignmentIsStableWhenUnrelatedConfigurationsAreAdded()
    {
        // 200 Ids in 8 shards; add 5 unrelated Ids: most keep their shard.
        var ids = Enumerable.Range(0, 200).Select(i => $"cfg{i}").ToList();
        var before = RealmCi.Matrix.Shard.Assign(ids, 8);
        var added = Enumerable.Range(0, 5).Select(i => $"cfg{i * 37}x").ToList(); // sort among the others
        var after = RealmCi.Matrix.Shard.Assign([.. ids, .. added], 8);
        var moved = ids.Where((_, i) => before[i] != after[i]).Count();
        Assert.True(moved <= 20, $"{moved} of 200 moved");
        // Round-robin over a sorted list, the naive scheme, would move most of them.
        var naiveBefore = ids.Order(StringComparer.Ordinal).Select((id, k) => (id, k % 8)).ToDictionary();
        var naiveAfter = ids.Concat(added).Order(StringComparer.Ordinal).Select((id, k) => (id, k % 8)).ToDictionary();
        Assert.True(ids.Count(id => naiveBefore[id] != naiveAfter[id]) > 100);
    }

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("1")]
    [InlineData("a/b")]
    public void AMalformedShardIsAnInputError(string text) =>
        Assert.Equal(ExitCodes.InvalidInput, Assert.Throws<RealmCiException>(() => RealmCi.Matrix.Shard.Parse(text)).ExitCode);

    private static List<string> Shard(List<string> all, int index, int count) =>
        Select(new() { Shard = new Shard(index, count) }, Yaml.Small).ToList();
}
