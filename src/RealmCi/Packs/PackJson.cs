using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealmCi.Packs;

/// <summary>The pack manifest's JSON, source-generated (reflection-free).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PackManifest))]
public sealed partial class PackJson : JsonSerializerContext
{
    private static readonly PackJson Readable = new(JsonFiles.Options());

    public static string Serialize(PackManifest manifest) => JsonSerializer.Serialize(manifest, Readable.PackManifest) + "\n";

    /// <summary>The manifest, or null when the text is not one (wrong JSON, missing fields).</summary>
    public static PackManifest? Read(string json)
    {
        try { return JsonSerializer.Deserialize(json, Readable.PackManifest); }
        catch (JsonException) { return null; }
    }
}
