using RealmCi.Ci;
using YamlDotNet.RepresentationModel;

namespace RealmCi.Tests.Ci;

public class WritingYaml
{
    [Theory]
    [InlineData("on")]
    [InlineData("true")]
    [InlineData("No")]
    [InlineData("null")]
    [InlineData("1.0")]
    [InlineData("0x1f")]
    [InlineData("1:30")]
    [InlineData("--config=a")]
    [InlineData("${{ matrix.name }}")]
    [InlineData("a: b")]
    [InlineData("# not a comment")]
    [InlineData("echo \"x\" > y\nsecond line\n")]
    [InlineData("tab\there")]
    [InlineData("")]
    public void EveryScalarReadsBackAsTheSameString(string text)
    {
        var yaml = YamlText.Write(Y.Map(("key", text), ("list", Y.Strings([text]))));
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var map = (YamlMappingNode)stream.Documents[0].RootNode;
        var scalar = (YamlScalarNode)map["key"];
        Assert.Equal(text, scalar.Value);
        Assert.NotEqual(YamlDotNet.Core.ScalarStyle.Plain, text is "on" or "true" or "No" or "null" or "1.0" ? scalar.Style : YamlDotNet.Core.ScalarStyle.Any);
        Assert.Equal(text, ((YamlScalarNode)((YamlSequenceNode)map["list"]).Children[0]).Value);
    }

    [Fact]
    public void ListsOfMapsPutTheFirstKeyOnTheDashLine() =>
        Assert.Equal("steps:\n  - uses: a\n    with:\n      path: b\n  - run: c\n",
            YamlText.Write(Y.Map(("steps", Y.List(Y.Map(("uses", "a"), ("with", Y.Map(("path", "b")))), Y.Map(("run", "c")))))));
}
