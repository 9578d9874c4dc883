using RealmCi.Reporting;
using RealmCi.Errors;
using RealmCi.Matrix;
using Spectre.Console;

namespace RealmCi.Tests.Matrix;

public class SelectingOnlyAvailable
{
    /// <summary>Four axes of three values; v0_2 needs the internet, v1_2 a registry base.</summary>
    private const string Grid = """
        bases:
          deb: { image: "debian:bookworm", bootstrap: { suite: bookworm } }
          vendor: { image: "vendor/os:1" }
        axes:
          x0: { values: { v0_0: {}, v0_1: {}, v0_2: { requires: [internet] } } }
          x1: { values: { v1_0: {}, v1_1: {}, v1_2: { base: vendor } } }
          x2: { values: { v2_0: {}, v2_1: {}, v2_2: {} } }
          x3: { values: { v3_0: {}, v3_1: {}, v3_2: {} } }
        profiles:
          pr: { strategy: pairwise }
          each: { strategy: each }
          smoke: { configs: [v0_0-v1_0-v2_0-v3_0, v0_2-v1_0-v2_0-v3_0] }

        """;

    private static HashSet<(int, string, int, string)> Pairs(IEnumerable<string> ids)
    {
        var pairs = new HashSet<(int, string, int, string)>();
        foreach (var parts in ids.Select(id => id.Split('-')))
            for (var i = 0; i < parts.Length; i++)
                for (var j = i + 1; j < parts.Length; j++) pairs.Add((i, parts[i], j, parts[j]));
        return pairs;
    }

    private static bool Available(string id) => !id.Contains("v0_2") && !id.Contains("v1_2");

    private static Selection Select(SelectionOptions options) => Selector.Select(Yaml.Open(Grid), options);

    [Fact]
    public void PairwiseOverTheAvailableRowsCoversEveryPairThatCanRunHere()
    {
        var availablePairs = Pairs(Yaml.Open(Grid).Rows.Select(r => r.Id).Where(Available));
        var chosen = Select(new() { Profile = "pr", Offer = Offers.AirGapped, OnlyAvailable = true }).Configurations.Select(c => c.Id).ToList();
        Assert.All(chosen, id => Assert.True(Available(id), id));
        Assert.Equal(availablePairs, Pairs(chosen));

        // Skipping after the pairwise choice (the old way) leaves pairs that could run here uncovered.
        var skipped = Select(new() { Profile = "pr", Skip = ["v0_2-*", "*-v1_2-*"] }).Configurations.Select(c => c.Id);
        Assert.True(Pairs(skipped).Count < availablePairs.Count);
    }

    [Fact]
    public void EachOverTheAvailableRowsHasEveryValueThatCanRunHere()
    {
        var chosen = Select(new() { Profile = "each", Offer = Offers.AirGapped, OnlyAvailable = true }).Configurations.Select(c => c.Id).ToList();
        var values = chosen.SelectMany(id => id.Split('-')).ToHashSet();
        Assert.Equal(10, values.Count); // 12 values, less v0_2 and v1_2
        Assert.All(chosen, id => Assert.True(Available(id), id));
    }

    [Fact]
    public void TheSelectionNamesWhatItLeftOutAndWhy()
    {
        var selection = Select(new() { Profile = "smoke", Offer = Offers.AirGapped, OnlyAvailable = true });
        Assert.Equal(["v0_0-v1_0-v2_0-v3_0"], selection.Configurations.Select(c => c.Id));
        var left = Assert.Single(selection.Unavailable);
        Assert.Equal("v0_2-v1_0-v2_0-v3_0", left.Configuration.Id);
        Assert.Contains("requires: internet", left.Availability.Describe());
        Assert.Contains("1 unavailable here left out", selection.Source);
    }

    [Fact]
    public void ConfigsAskedForByIdAreFilteredToo()
    {
        var selection = Select(new() { Configs = ["v0_2-v1_0-v2_0-v3_0", "v0_1-v1_1-v2_1-v3_1"], Offer = Offers.AirGapped, OnlyAvailable = true });
        Assert.Equal(["v0_1-v1_1-v2_1-v3_1"], selection.Configurations.Select(c => c.Id));
    }

    [Fact]
    public void WithoutOnlyAvailableAnOfferOnlyAnnotatesTheSelection()
    {
        var selection = Select(new() { Profile = "smoke", Offer = Offers.AirGapped });
        Assert.Equal(2, selection.Configurations.Count);
        Assert.False(selection.Availability["v0_2-v1_0-v2_0-v3_0"].IsAvailable);
        Assert.True(selection.Availability["v0_0-v1_0-v2_0-v3_0"].IsAvailable);
        Assert.Empty(selection.Unavailable);
    }

    [Fact]
    public void WhenNothingCanRunHereTheExitCodeSaysUnavailable()
    {
        var e = Assert.Throws<RealmCiException>(() => Select(new() { Select = ["v0_2-*"], Offer = Offers.AirGapped, OnlyAvailable = true }));
        Assert.Equal(ExitCodes.ConfigurationUnavailable, e.ExitCode);
        Assert.Contains("unavailable on this host", e.Message);
        Assert.Contains("v0_2-v1_0-v2_0-v3_0: needs the internet", e.Message);
    }

    [Fact]
    public void ExplainSaysAConfigurationWasLeftOutAsUnavailable()
    {
        var lines = Explainer.Explain(Yaml.Open(Grid), new() { Profile = "pr", Offer = Offers.AirGapped, OnlyAvailable = true }, "v0_0-v1_2-v2_0-v3_0");
        Assert.Contains(lines, l => l.Contains("left out by --only-available") && l.Contains("'vendor/os:1'"));
        Assert.Equal("=> not selected.", lines[^1]);
    }

    [Fact]
    public void ExplainWithAnOfferSaysWhatTheConfigurationMissesHere()
    {
        var lines = Explainer.Explain(Yaml.Open(Grid), new() { Profile = "smoke", Offer = Offers.AirGapped }, "v0_2-v1_0-v2_0-v3_0");
        Assert.Contains(lines, l => l.Contains("on this host: unavailable: needs the internet during the image build"));
        Assert.Equal("=> selected.", lines[^1]);
    }

    [Fact]
    public void TheListingShowsAvailabilityHere()
    {
        var text = Listing(new() { Profile = "smoke", Offer = Offers.AirGapped });
        Assert.Contains("here", text);
        Assert.Contains("unavailable: needs the internet during the image build", text);
        Assert.Contains("1 unavailable here", text);
        Assert.DoesNotContain("unavailable", Listing(new() { Profile = "smoke" }));
    }

    [Fact]
    public void TheListingGroupsWhatWasLeftOutByWhatItLacks()
    {
        var text = Listing(new() { Profile = "each", Offer = Offers.AirGapped, OnlyAvailable = true });
        var leftOut = text.Split('\n').Where(l => l.StartsWith("left out ", StringComparison.Ordinal)).ToList();
        // 27 rows need the internet (v0_2), 27 a registry base (v1_2); 9 need both, so 45 in all.
        Assert.Equal(2, leftOut.Count);
        Assert.All(leftOut, l => Assert.StartsWith("left out 27: ", l));
        Assert.Contains(leftOut, l => l.Contains("the internet during the image build") && l.Contains(" and 23 more"));
        Assert.Contains(leftOut, l => l.Contains("'vendor/os:1'"));
        Assert.Contains("(45 configurations left out in all: some lack more than one thing)", text);
        Assert.DoesNotContain("left out", Listing(new() { Profile = "each" }));
    }

    private static string Listing(SelectionOptions options)
    {
        var path = Path.Combine(Path.GetTempPath(), $"realm-ci-grid-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Grid);
        try
        {
            var output = new StringWriter();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output) });
            console.Profile.Width = 400;
            MatrixListing.Run(MatrixFile.Open(path), options, ListingFormat.Table, null, console, Stream.Null);
            return output.ToString().Replace("\r", "");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
