using RealmCi.Matrix;

namespace RealmCi.Tests.Matrix;

public class ChoosingOneBase
{
    private const string Text = """
        bases:
          old: { image: "debian:bookworm", bootstrap: { suite: bookworm } }
          new: { image: "debian:trixie", bootstrap: { suite: trixie } }
        defaults: { base: old }
        axes:
          compiler: { values: { gcc12: {}, gcc11: { base: old }, gcc14: { base: new } } }
          gpu: { values: { cpu: {}, cuda11: { base: old }, cuda12: { base: new } } }

        """;

    [Fact]
    public void RowsWhoseValuesAskForDifferentBasesAreNotExpanded()
    {
        var ids = Yaml.Open(Text).Rows.Select(r => r.Id).ToList();
        Assert.Equal(["gcc12-cpu", "gcc12-cuda11", "gcc12-cuda12", "gcc11-cpu", "gcc11-cuda11", "gcc14-cpu", "gcc14-cuda12"], ids);
    }

    [Fact]
    public void ARowTakesTheBaseItsValuesNameElseTheDefault()
    {
        var m = Yaml.Open(Text);
        string Base(string id) => ConfigurationResolver.Resolve(m, m.Find(id)!, Facets.Empty).Base.Name;
        Assert.Equal("new", Base("gcc12-cuda12"));
        Assert.Equal("new", Base("gcc14-cpu"));
        Assert.Equal("old", Base("gcc12-cpu"));
    }

    [Fact]
    public void ExplainSaysWhichValuesAskForWhichBase()
    {
        var lines = Explainer.Explain(Yaml.Open(Text), new(), "gcc14-cuda11");
        Assert.Contains("its values ask for different bases: gcc14 needs base 'new', cuda11 needs base 'old'", lines[0]);
    }

    [Fact]
    public void AnIncludeThatMixesBasesIsAnError()
    {
        var error = Assert.Single(Yaml.Errors(Text + "include:\n  - { compiler: gcc11, gpu: cuda12 }\n"));
        Assert.Contains("include 'gcc11-cuda12': its values ask for different bases", error.Message);
        Assert.Equal(9, error.Where.Line);
    }

    [Fact]
    public void AnIncludeWhoseOwnBaseDiffersFromAValuesBaseIsAnError()
    {
        var error = Assert.Single(Yaml.Errors(Text + "include:\n  - { compiler: gcc14, gpu: cpu, base: old }\n"));
        Assert.Contains("the include names base 'old', gcc14 needs base 'new'", error.Message);
    }

    [Fact]
    public void AnExcludeOfRowsThatMixBasesRemovesNothing() =>
        Assert.Contains("removes no combination", Assert.Single(Yaml.Errors(Text + "exclude:\n  - { compiler: gcc14, gpu: cuda11 }\n")).Message);
}
