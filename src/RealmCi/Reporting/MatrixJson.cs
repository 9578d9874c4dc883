using System.Text.Json;
using RealmCi.Matrix;

namespace RealmCi.Reporting;

/// <summary>
/// The selection as JSON: an array of objects with <c>id</c>, <c>axes</c>, <c>cmake</c>,
/// <c>env</c>, <c>packages</c>, <c>base</c>, <c>container</c> and <c>test</c>. Stable key order,
/// for CI systems that build their job matrix from it (e.g. GitHub's <c>fromJSON</c>).
/// </summary>
public static class MatrixJson
{
    public static void Write(Stream output, IEnumerable<BuildConfiguration> configurations, bool indented = true)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented, SkipValidation = true });
        json.WriteStartArray();
        foreach (var c in configurations) WriteConfiguration(json, c);
        json.WriteEndArray();
        json.Flush();
    }

    public static void WriteConfiguration(Utf8JsonWriter json, BuildConfiguration c)
    {
        var s = c.Settings;
        json.WriteStartObject();
        json.WriteString("id", c.Id);
        json.WriteStartObject("axes");
        foreach (var (axis, value) in c.Axes) json.WriteString(axis, value);
        json.WriteEndObject();
        Map(json, "cmake", s.Cmake);
        Map(json, "env", s.Env);
        List(json, "packages", s.Packages);
        json.WriteStartObject("base");
        json.WriteString("name", c.Base.Name);
        json.WriteString("image", c.Base.Image);
        json.WriteEndObject();
        List(json, "run", s.Run);
        json.WriteStartObject("container");
        if (s.Container.Gpus is { } gpus) json.WriteString("gpus", gpus);
        if (s.Container.ShmSize is { } shm) json.WriteString("shmSize", shm);
        json.WriteEndObject();
        json.WriteStartObject("test");
        List(json, "labels", s.Test.Labels);
        List(json, "excludeLabels", s.Test.ExcludeLabels);
        List(json, "gpuLabels", s.Test.GpuLabels);
        if (s.Test.Timeout is { } timeout) json.WriteNumber("timeout", timeout);
        json.WriteNumber("ranks", s.Test.Ranks ?? 1);
        List(json, "launcher", s.Test.Launcher);
        List(json, "launchLabels", s.Test.LaunchLabels);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Map(Utf8JsonWriter json, string name, IEnumerable<KeyValuePair<string, string>> map)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in map) json.WriteString(key, value);
        json.WriteEndObject();
    }

    private static void List(Utf8JsonWriter json, string name, IEnumerable<string> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items) json.WriteStringValue(item);
        json.WriteEndArray();
    }
}
