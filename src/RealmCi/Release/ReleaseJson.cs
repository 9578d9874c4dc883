using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealmCi.Release;

/// <summary>The release's JSON files, with source-generated (reflection-free) serialisation.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReleaseManifest))]
[JsonSerializable(typeof(CycloneDxBom))]
public sealed partial class ReleaseJson : JsonSerializerContext
{
    /// <summary>Readable text: "g++", not "g\u002B\u002B" (the files are data, never embedded in HTML).</summary>
    private static readonly ReleaseJson Readable = new(JsonFiles.Options());

    public static string Serialize(ReleaseManifest manifest) => JsonSerializer.Serialize(manifest, Readable.ReleaseManifest) + "\n";

    public static string Serialize(CycloneDxBom bom) => JsonSerializer.Serialize(bom, Readable.CycloneDxBom) + "\n";

    public static ReleaseManifest? ReadManifest(string json) => JsonSerializer.Deserialize(json, Readable.ReleaseManifest);
}
