using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using RealmCi.Matrix;

namespace RealmCi.Reporting;

/// <summary>
/// The selection as JSON: an array of objects with <c>id</c>, <c>axes</c>, <c>cmake</c>,
/// <c>env</c>, <c>packages</c>, <c>base</c>, <c>run</c>, <c>container</c> and <c>test</c>.
/// Stable key order (declaration order; axes in matrix order, maps sorted), for CI systems
/// that build their job matrix from it (e.g. GitHub's <c>fromJSON</c>). Serialised by
/// System.Text.Json's source generator in its serialization-only mode: a writer per type and
/// no property metadata, so a start-up JITs ~140 fewer generic methods. The relaxed encoder
/// writes <c>g++-12</c> as it is (the listing is read as JSON, never embedded in HTML).
/// </summary>
public static class MatrixJson
{
    public static void Write(Stream output, IEnumerable<BuildConfiguration> configurations, bool indented = true)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        JsonSerializer.Serialize(json, configurations.Select(Listed.From).ToList(), MatrixJsonContext.Default.ListListed);
        json.Flush();
    }
}

/// <summary>A configuration as the listing shows it.</summary>
internal sealed record Listed(
    string Id,
    IReadOnlyDictionary<string, string> Axes,
    IReadOnlyDictionary<string, string> Cmake,
    IReadOnlyDictionary<string, string> Env,
    ImmutableArray<string> Packages,
    ListedBase Base,
    ImmutableArray<string> Run,
    ListedContainer Container,
    ListedTest Test)
{
    public static Listed From(BuildConfiguration c)
    {
        var s = c.Settings;
        var axes = new OrderedDictionary<string, string>(c.Axes.Length);
        foreach (var (axis, value) in c.Axes) axes.Add(axis, value);
        return new(c.Id, axes, s.Cmake, s.Env, s.Packages, new(c.Base.Name, c.Base.Image), s.Run,
            new(s.Container.Gpus, s.Container.ShmSize),
            new(s.Test.Labels, s.Test.ExcludeLabels, s.Test.GpuLabels, s.Test.Timeout, s.Test.Ranks ?? 1, s.Test.Launcher, s.Test.LaunchLabels));
    }
}

internal sealed record ListedBase(string Name, string Image);

internal sealed record ListedContainer(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Gpus,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ShmSize);

internal sealed record ListedTest(
    ImmutableArray<string> Labels,
    ImmutableArray<string> ExcludeLabels,
    ImmutableArray<string> GpuLabels,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Timeout,
    int Ranks,
    ImmutableArray<string> Launcher,
    ImmutableArray<string> LaunchLabels);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(List<Listed>))]
internal sealed partial class MatrixJsonContext : JsonSerializerContext;
