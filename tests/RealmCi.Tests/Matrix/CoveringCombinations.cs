using RealmCi.Matrix;

namespace RealmCi.Tests.Matrix;

public class CoveringCombinations
{
    /// <summary>Every pair of values (of two axes) that some valid row has.</summary>
    private static HashSet<(int, int, int, int)> ValidPairs(IEnumerable<int[]> rows)
    {
        var pairs = new HashSet<(int, int, int, int)>();
        foreach (var r in rows)
            for (var i = 0; i < r.Length; i++)
                for (var j = i + 1; j < r.Length; j++) pairs.Add((i, r[i], j, r[j]));
        return pairs;
    }

    private static List<int[]> Pairwise(ExpandedMatrix m) =>
        Coverage.Choose(m.Axes, m.Rows.Select(r => r.Values).ToList(), CoverageStrategy.Pairwise).Select(i => m.Rows[i].Values).ToList();

    [Fact]
    public void PairwiseOnSixAxesOfSixValuesNeedsAtMostFiftyRows()
    {
        var m = Yaml.Open(Yaml.Grid(6, 6));
        var chosen = Pairwise(m);
        Assert.InRange(chosen.Count, 36, 50);
        Assert.Equal(ValidPairs(m.Rows.Select(r => r.Values)).Count, ValidPairs(chosen).Count);
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 25)];

    /// <summary>
    /// A random matrix that is valid by construction: 3–5 axes of 2–4 values, two different
    /// exclude rules over x0 and x1 (equal ones would make the second dead, an error) and a
    /// constraint on x1 and x2 (it can never be dead: the excludes leave x2 free).
    /// </summary>
    private static (string Text, int Combinations) RandomMatrix(int seed)
    {
        var random = new Random(seed);
        var axes = random.Next(3, 6);
        var sizes = Enumerable.Range(0, axes).Select(_ => random.Next(2, 5)).ToArray();
        var text = "axes:\n" + string.Join("\n", sizes.Select((n, a) =>
            $"  x{a}: {{ values: {{ {string.Join(", ", Enumerable.Range(0, n).Select(v => $"v{a}_{v}: {{}}"))} }} }}"));
        var first = (random.Next(sizes[0]), random.Next(sizes[1]));
        var second = first;
        while (second == first) second = (random.Next(sizes[0]), random.Next(sizes[1]));
        text += "\nexclude:\n";
        foreach (var (v0, v1) in new[] { first, second })
            text += $"  - {{ x0: v0_{v0}, x1: v1_{v1} }}\n";
        text += $"constraints:\n  - {{ when: {{ x1: v1_{random.Next(sizes[1])} }}, forbid: {{ x2: v2_{random.Next(sizes[2])} }} }}\n";
        return (text, sizes.Aggregate(1, (a, b) => a * b));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PairwiseCoversEveryValidPairUnderRandomRules(int seed)
    {
        var (text, combinations) = RandomMatrix(seed);
        var m = Yaml.Open(text); // valid by construction: an error here fails the test
        Assert.True(m.Rows.Count < combinations, $"seed {seed}: the rules removed nothing");
        var valid = ValidPairs(m.Rows.Select(r => r.Values));
        var chosen = Pairwise(m);
        var covered = ValidPairs(chosen);
        Assert.True(valid.SetEquals(covered), $"seed {seed}: {valid.Except(covered).Count()} valid pairs uncovered");
        Assert.True(chosen.Count < m.Rows.Count || m.Rows.Count <= 4);
        Assert.All(chosen, r => Assert.Contains(m.Rows, row => row.Values.SequenceEqual(r)));
    }

    [Fact]
    public void PairwiseNeverPicksARowTheRulesRemoved()
    {
        var text = Yaml.Grid(4, 3, "constraints:\n  - { when: { x0: v0_0 }, require: { x1: v1_0 } }\nexclude:\n  - { x2: v2_2, x3: v3_2 }\n");
        var m = Yaml.Open(text);
        foreach (var row in Pairwise(m))
        {
            Assert.False(row[0] == 0 && row[1] != 0);
            Assert.False(row[2] == 2 && row[3] == 2);
        }
    }

    [Fact]
    public void PairwiseIsDeterministic()
    {
        var m = Yaml.Open(Yaml.Grid(5, 4));
        Assert.Equal(Pairwise(m).Select(r => string.Join(",", r)), Pairwise(m).Select(r => string.Join(",", r)));
    }

    [Fact]
    public void EachCoversEveryValueOfEveryAxis()
    {
        var m = Yaml.Open(Yaml.Grid(4, 5));
        var chosen = Coverage.Choose(m.Axes, m.Rows.Select(r => r.Values).ToList(), CoverageStrategy.Each);
        Assert.Equal(5, chosen.Count);
        for (var a = 0; a < 4; a++)
            Assert.Equal(5, chosen.Select(i => m.Rows[i].Values[a]).Distinct().Count());
    }

    [Fact]
    public void IncludedRowsAreAlwaysPartOfAPairwiseProfile()
    {
        var text = Yaml.Grid(3, 3, "include:\n  - { x0: v0_2, x1: v1_2, x2: v2_2, env: { A: b } }\nprofiles:\n  pr: { strategy: pairwise }\n");
        var selection = Selector.Select(Yaml.Open(text), new SelectionOptions { Profile = "pr" });
        Assert.Contains(selection.Configurations, c => c.Id == "v0_2-v1_2-v2_2");
    }

    [Fact]
    public void ThePrProfileOfTheRealmMatrixCoversEveryValidPair()
    {
        var m = MatrixFile.Open(Yaml.RealmMatrixPath);
        var pr = ProfileSelector.Apply(m, m.Definition.Profiles["pr"]).Select(i => m.Rows[i].Values).ToList();
        Assert.True(ValidPairs(m.Rows.Select(r => r.Values)).SetEquals(ValidPairs(pr)));
        // Constraints make pairs rarer, so the cover is less dense than for a free matrix; still far below all rows.
        Assert.True(pr.Count < m.Rows.Count / 3, $"pr has {pr.Count} of {m.Rows.Count}");
    }
}
