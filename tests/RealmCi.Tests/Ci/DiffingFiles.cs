using RealmCi.Ci;

namespace RealmCi.Tests.Ci;

public class DiffingFiles
{
    [Fact]
    public void EqualTextsHaveNoDiff() => Assert.Equal("", UnifiedDiff.Between("a\nb\n", "a\nb\n", "x", "y"));

    [Fact]
    public void AChangedLineShowsWithThreeLinesOfContext()
    {
        var old = string.Join("\n", Enumerable.Range(1, 10).Select(i => $"l{i}")) + "\n";
        var diff = UnifiedDiff.Between(old, old.Replace("l5\n", "L5\n"), "a/f", "b/f");
        Assert.Equal("--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n l2\n l3\n l4\n-l5\n+L5\n l6\n l7\n l8\n", diff);
    }

    [Fact]
    public void DistantChangesAreSeparateHunks()
    {
        var old = string.Join("\n", Enumerable.Range(1, 30).Select(i => $"l{i}")) + "\n";
        var diff = UnifiedDiff.Between(old, old.Replace("l2\n", "x\n").Replace("l28\n", "y\n"), "a", "b");
        Assert.Equal(2, diff.Split('\n').Count(l => l.StartsWith("@@")));
        Assert.True(diff.Contains("@@ -25,6 +25,6 @@", StringComparison.Ordinal), diff);
    }
}
