using System.Text.Json;
using NJsonSchema;
using RealmCi.Matrix;
using YamlDotNet.Serialization;

namespace RealmCi.Tests.Matrix;

public class PublishingASchema
{
    private static readonly string SchemaPath = Path.Combine(Yaml.RepoRoot, "matrix", "schema.json");

    private static string YamlToJson(string yaml)
    {
        var data = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<object>(yaml);
        return JsonSerializer.Serialize(data);
    }

    [Fact]
    public async Task TheRealmMatrixValidatesAgainstTheSchema()
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        var errors = schema.Validate(YamlToJson(File.ReadAllText(Yaml.RealmMatrixPath)));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public async Task TheSchemaRejectsAnUnknownFacetKey()
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        var errors = schema.Validate(YamlToJson("axes:\n  a: { values: { a1: { cmak: {} } } }\n"));
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void TheSchemaNamesExactlyTheKeysTheLoaderAccepts()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var root = doc.RootElement;
        HashSet<string> Keys(JsonElement e) => [.. e.GetProperty("properties").EnumerateObject().Select(p => p.Name)];
        var defs = root.GetProperty("definitions");
        Assert.Equal(MatrixLoader.TopKeys.ToHashSet(), Keys(root));
        Assert.Equal(MatrixLoader.FacetKeys.ToHashSet(), Keys(defs.GetProperty("facets")));
        Assert.Equal(MatrixLoader.TestKeys.ToHashSet(), Keys(defs.GetProperty("test")));
        Assert.Equal(MatrixLoader.ContainerKeys.ToHashSet(), Keys(defs.GetProperty("container")));
        Assert.Equal(MatrixLoader.ProfileKeys.ToHashSet(), Keys(defs.GetProperty("profile")));
        Assert.Equal(MatrixLoader.ConstraintKeys.ToHashSet(), Keys(defs.GetProperty("constraint")));
        Assert.Equal(MatrixLoader.BaseKeys.ToHashSet(), Keys(defs.GetProperty("base")));
        Assert.Equal(MatrixLoader.BootstrapKeys.ToHashSet(), Keys(defs.GetProperty("bootstrap")));
        Assert.Equal(MatrixLoader.AxisKeys.ToHashSet(), Keys(defs.GetProperty("axis")));
        Assert.Equal(MatrixLoader.ArchiveKeys.ToHashSet(), Keys(defs.GetProperty("archive")));
        Assert.Equal(MatrixLoader.QuarantineKeys.ToHashSet(), Keys(defs.GetProperty("quarantine")));
        Assert.Equal(MatrixLoader.DownstreamKeys.ToHashSet(), Keys(defs.GetProperty("downstream")));
        Assert.Equal(MatrixLoader.DownstreamTestKeys.ToHashSet(), Keys(defs.GetProperty("downstreamTest")));
    }
}
