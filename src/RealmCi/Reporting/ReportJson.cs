using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealmCi.Reporting;

/// <summary>Source-generated System.Text.Json for the result and summary files: camelCase, nulls left out.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(ResultDocument))]
[JsonSerializable(typeof(SummaryDocument))]
internal sealed partial class ReportJsonContext : JsonSerializerContext
{
    /// <summary>The files are read by people and tools, not embedded in HTML: "g++-12" stays "g++-12".</summary>
    public static ReportJsonContext Files { get; } = new(JsonFiles.Options());
}
