using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealmCi;

/// <summary>
/// How every JSON file realm-ci writes looks (results, summaries, pack manifests, release
/// manifests, SBOMs): camelCase, indented, nulls left out, and readable text ("g++-12", not
/// "g\u002B\u002B-12": the files are data, never embedded in HTML). Each source-generated context
/// is made with these options (a fresh instance each: a context takes its options over).
/// </summary>
public static class JsonFiles
{
    public static JsonSerializerOptions Options() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
