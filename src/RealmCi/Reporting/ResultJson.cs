using System.Text.Json;
using RealmCi.Execution;

namespace RealmCi.Reporting;

/// <summary>A configuration's <c>result.json</c>: status per step, durations, test counts, image, exact commands.</summary>
public static class ResultJson
{
    public static void Write(string path, ConfigurationResult r) => AtomicFile.Write(path, stream =>
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        WriteResult(json, r);
    });

    public static void WriteResult(Utf8JsonWriter json, ConfigurationResult r)
    {
        json.WriteStartObject();
        json.WriteString("id", r.Id);
        json.WriteString("status", r.Status.ToString().ToLowerInvariant());
        json.WriteString("executor", r.Executor);
        if (r.Image is not null) json.WriteString("image", r.Image);
        json.WriteString("started", r.Started);
        json.WriteNumber("seconds", Math.Round(r.Seconds, 2));
        var counts = r.Counts;
        json.WriteStartObject("tests");
        json.WriteNumber("passed", counts.Passed);
        json.WriteNumber("failed", counts.Failed);
        json.WriteNumber("skipped", counts.Skipped);
        json.WriteStartArray("failures");
        foreach (var t in r.Tests.Where(t => t.Status == CMake.TestStatus.Failed)) json.WriteStringValue(t.Name);
        json.WriteEndArray();
        json.WriteStartArray("skips");
        foreach (var t in r.Tests.Where(t => t.Status == CMake.TestStatus.Skipped))
        {
            json.WriteStartObject();
            json.WriteString("name", t.Name);
            json.WriteString("reason", t.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray("steps");
        foreach (var s in r.Steps)
        {
            json.WriteStartObject();
            json.WriteString("name", s.Name);
            json.WriteString("status", s.Status.ToString().ToLowerInvariant());
            if (s.ExitCode is { } code) json.WriteNumber("exitCode", code);
            json.WriteNumber("seconds", Math.Round(s.Seconds, 2));
            if (s.Command is not null) json.WriteString("command", s.Command);
            if (s.Log is not null) json.WriteString("log", s.Log);
            if (s.Reason is not null) json.WriteString("reason", s.Reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (r.FirstFailure is { } first) json.WriteString("firstFailure", first);
        json.WriteString("artifacts", r.Artifacts);
        json.WriteString("reproduce", r.Reproduce);
        json.WriteEndObject();
    }
}
