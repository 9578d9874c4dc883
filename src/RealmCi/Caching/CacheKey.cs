using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RealmCi.Matrix;

namespace RealmCi.Caching;

/// <summary>
/// The result-cache key of a configuration: a hash of a canonical text of everything that
/// affects its result — the source content, the image (its content-addressed tag, or the host
/// toolchain's identity), the fully resolved configuration, what was run (tests or not, GPU
/// present), and the pipeline's own version. Paths, times and parallelism do not count.
/// The configuration has its own canonical form (<see cref="Canonical"/>, versioned by
/// <see cref="Format"/>), independent of any listing format, so changing how the matrix is
/// listed can neither invalidate nor collide entries.
/// </summary>
public static class CacheKey
{
    /// <summary>The canonical form's version: bump it when <see cref="Canonical"/> changes shape.</summary>
    public const int Format = 3;

    /// <summary>
    /// The pipeline's identity: its version and a hash of the library's sources (computed at
    /// build time, see RealmCi.csproj), e.g. <c>0.1.0+src.3f9c…</c>. Not the git commit: a commit
    /// that changes only docs, tests or the matrix must not invalidate every cached result.
    /// </summary>
    public static string PipelineVersion { get; } = Identity(typeof(CacheKey).Assembly);

    internal static string Identity(Assembly assembly)
    {
        var version = assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";
        var sources = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RealmCiSourceHash")?.Value;
        return string.IsNullOrEmpty(sources)
            ? assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? version
            : $"{version}+src.{sources.ToLowerInvariant()[..Math.Min(16, sources.Length)]}";
    }

    public static string Compute(BuildConfiguration configuration, string sourceFingerprint, string? sourceSubdir, string environment, bool runTests, bool gpuPresent)
    {
        var text = new StringBuilder();
        text.Append("realm-ci-cache-key ").Append(Format).Append('\n');
        text.Append("realm-ci ").Append(PipelineVersion).Append('\n');
        text.Append("source ").Append(sourceFingerprint).Append(' ').Append(sourceSubdir ?? ".").Append('\n');
        text.Append("environment ").Append(environment).Append('\n');
        text.Append("run ").Append(runTests ? "test" : "build").Append(gpuPresent ? " gpu" : " nogpu").Append('\n');
        text.Append("configuration ").Append(Canonical(configuration)).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// The configuration as compact JSON: every field that affects a build, object keys sorted
    /// (ordinal), sets (packages, labels) sorted, sequences (run lines, launcher, axes) in order.
    /// </summary>
    internal static string Canonical(BuildConfiguration c)
    {
        var s = c.Settings;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            Sequence(json, "axes", c.Axes.Select(a => $"{a.Axis}={a.Value}"));
            json.WriteStartObject("base");
            if (c.Base.Bootstrap is { } b)
            {
                json.WriteStartObject("bootstrap");
                Set(json, "components", b.Components);
                json.WriteString("mirror", b.Mirror);
                json.WriteString("suite", b.Suite);
                json.WriteString("variant", b.Variant);
                json.WriteEndObject();
            }
            json.WriteString("image", c.Base.Image);
            json.WriteString("name", c.Base.Name);
            json.WriteString("packageManager", c.Base.PackageManager);
            json.WriteEndObject();
            Map(json, "cmake", s.Cmake);
            json.WriteStartObject("container");
            Optional(json, "gpus", s.Container.Gpus);
            Optional(json, "shmSize", s.Container.ShmSize);
            json.WriteEndObject();
            Map(json, "env", s.Env);
            json.WriteString("id", c.Id);
            Set(json, "packages", s.Packages);
            Sequence(json, "run", s.Run);
            Sequence(json, "targets", s.Targets);
            json.WriteStartObject("test");
            Set(json, "excludeLabels", s.Test.ExcludeLabels);
            Set(json, "gpuLabels", s.Test.GpuLabels);
            Set(json, "labels", s.Test.Labels);
            Set(json, "launchLabels", s.Test.LaunchLabels);
            Sequence(json, "launcher", s.Test.Launcher);
            json.WriteNumber("ranks", s.Test.Ranks ?? 1);
            Optional(json, "regex", s.Test.Regex); // absent unless given: existing keys are unchanged
            Optional(json, "excludeRegex", s.Test.ExcludeRegex);
            if (s.Test.Timeout is { } timeout) json.WriteNumber("timeout", timeout);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null) json.WriteString(name, value);
    }

    private static void Map(Utf8JsonWriter json, string name, IEnumerable<KeyValuePair<string, string>> map)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal)) json.WriteString(key, value);
        json.WriteEndObject();
    }

    private static void Set(Utf8JsonWriter json, string name, IEnumerable<string> items) =>
        Sequence(json, name, items.Distinct().Order(StringComparer.Ordinal));

    private static void Sequence(Utf8JsonWriter json, string name, IEnumerable<string> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items) json.WriteStringValue(item);
        json.WriteEndArray();
    }
}
