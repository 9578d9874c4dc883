using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RealmCi.Matrix;
using RealmCi.Reporting;

namespace RealmCi.Caching;

/// <summary>
/// The result-cache key of a configuration: a hash of a canonical text of everything that
/// affects its result — the source content, the image (its content-addressed tag, or the host
/// toolchain), the fully resolved configuration, what was run (tests or not, GPU present), and
/// the pipeline's own version. Paths, times and parallelism do not count.
/// </summary>
public static class CacheKey
{
    public static string PipelineVersion { get; } =
        typeof(CacheKey).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static string Compute(BuildConfiguration configuration, string sourceFingerprint, string? sourceSubdir, string environment, bool runTests, bool gpuPresent)
    {
        var text = new StringBuilder();
        text.Append("realm-ci ").Append(PipelineVersion).Append('\n');
        text.Append("source ").Append(sourceFingerprint).Append(' ').Append(sourceSubdir ?? ".").Append('\n');
        text.Append("environment ").Append(environment).Append('\n');
        text.Append("run ").Append(runTests ? "test" : "build").Append(gpuPresent ? " gpu" : " nogpu").Append('\n');
        text.Append("configuration ").Append(Canonical(configuration)).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The configuration as compact JSON with a fixed key order (maps are sorted).</summary>
    internal static string Canonical(BuildConfiguration configuration)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream)) MatrixJson.WriteConfiguration(json, configuration);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
