using System.Text.RegularExpressions;
using RealmCi.Matrix;

namespace RealmCi.Tests.Matrix;

public class MatchingGlobs
{
    [Theory]
    [InlineData("gcc12-*", "gcc12-debug-local-cpu-shared", true)]
    [InlineData("*-asan", "clang18-debug-local-cpu-asan", true)]
    [InlineData("*-asan", "clang18-debug-local-cpu-asan-x", false)]
    [InlineData("gcc1?-release-*", "gcc13-release-mpi-cpu", true)]
    [InlineData("gcc1?-release-*", "gcc1-release-mpi-cpu", false)]
    [InlineData("*mpi*", "gcc12-release-mpi-cpu", true)]
    [InlineData("*", "anything", true)]
    [InlineData("*", "", true)]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    [InlineData("?", "", false)]
    [InlineData("exact", "exact", true)]
    [InlineData("exact", "exactly", false)]
    [InlineData("GCC12-*", "gcc12-debug", false)] // case-sensitive, like Ids
    [InlineData("g++-1?", "g++-12", true)] // '+' and '.' are plain characters
    [InlineData("a.b", "axb", false)]
    [InlineData(@"gcc\12", "gcc12", false)] // a backslash is a plain character, not an escape
    [InlineData(@"a\*", "a*", false)]
    [InlineData("*a*a*a", "aaaa", true)]
    [InlineData("*a*a*a", "aab", false)]
    public void StarIsAnyRunAndQuestionMarkOneCharacter(string pattern, string text, bool expected) =>
        Assert.Equal(expected, Glob.Matches(pattern, text));

    [Fact]
    public void RandomGlobsAgreeWithTheEquivalentRegularExpression()
    {
        var random = new Random(17);
        string Word(string alphabet, int max) => new([.. Enumerable.Range(0, random.Next(max + 1)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        for (var i = 0; i < 5000; i++)
        {
            // Patterns may hold a backslash (a plain character); Ids and value names never do.
            var pattern = new string([.. Word(@"ab-+.\", 6).Select(ch => random.Next(4) switch { 0 => '*', 1 => '?', _ => ch })]);
            var text = Word("ab-+.", 8);
            var regex = "^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$";
            Assert.True(Regex.IsMatch(text, regex, RegexOptions.Singleline) == Glob.Matches(pattern, text), $"'{pattern}' on '{text}'");
        }
    }

    [Fact]
    public void IsPatternTellsAGlobFromAnId()
    {
        Assert.True(Glob.IsPattern("gcc12-*"));
        Assert.True(Glob.IsPattern("gcc1?"));
        Assert.False(Glob.IsPattern("gcc12-debug-local-cpu-shared"));
    }

    [Fact]
    public void ANegatedGlobInARuleExcludesTheValuesItDoesNotMatch()
    {
        var m = Yaml.Open(Yaml.Small + "exclude:\n  - { a: ['!a1', '!a2'], b: b2 }\n");
        Assert.DoesNotContain(m.Rows, r => r.Id.StartsWith("a3-b2", StringComparison.Ordinal));
        Assert.Contains(m.Rows, r => r.Id == "a1-b2");
        Assert.Contains(m.Rows, r => r.Id == "a2-b2");
    }

    [Fact]
    public void AGlobAndANegationCombineInOneCondition()
    {
        // 'a*' but not 'a2': a1 and a3 are excluded with b1, a2 stays.
        var m = Yaml.Open(Yaml.Small + "exclude:\n  - { a: ['a*', '!a2'], b: b1 }\n");
        Assert.Equal(["a1-b2", "a1-b2-c2", "a2-b1", "a2-b1-c2", "a2-b2", "a2-b2-c2", "a3-b2", "a3-b2-c2"],
            m.Rows.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SelectingWithAGlobAndSkippingWithAnother()
    {
        var selection = Selector.Select(Yaml.Open(Yaml.Small), new SelectionOptions { Select = ["a?-b1*"], Skip = ["*-c2"] });
        Assert.Equal(["a1-b1", "a2-b1", "a3-b1"], selection.Configurations.Select(c => c.Id));
    }
}
