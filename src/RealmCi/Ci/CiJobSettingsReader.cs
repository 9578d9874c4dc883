using System.Collections.Immutable;
using RealmCi.Matrix;
using YamlDotNet.RepresentationModel;

namespace RealmCi.Ci;

/// <summary>Reads ci.yaml's <c>concurrency</c>, <c>timeouts</c>, <c>retry</c>, <c>environments</c> and <c>needs</c> into <see cref="JobSettings"/>.</summary>
internal static class CiJobSettingsReader
{
    public static JobSettings Read(YamlReader reader, string key, YamlNode value, JobSettings jobs) => key switch
    {
        "concurrency" => Concurrency(reader, value, jobs),
        "timeouts" => jobs with { Timeouts = Map(reader, value, "ci.timeouts", (node, what) => reader.Int(node, what + " (minutes)", 1)) },
        "retry" => Retry(reader, value, jobs),
        "environments" => jobs with { Environments = Map(reader, value, "ci.environments", (node, what) => reader.Scalar(node, what)) },
        _ => jobs with { Needs = Map<ImmutableArray<string>>(reader, value, "ci.needs", (node, what) => reader.StringList(node, what)) },
    };

    private static JobSettings Concurrency(YamlReader reader, YamlNode node, JobSettings jobs)
    {
        foreach (var (_, _, value) in reader.Mapping(node, "ci.concurrency", ["cancel-superseded"]))
            jobs = jobs with { CancelSuperseded = Bool(reader, value, "ci.concurrency.cancel-superseded") ?? jobs.CancelSuperseded };
        return jobs;
    }

    private static JobSettings Retry(YamlReader reader, YamlNode node, JobSettings jobs)
    {
        foreach (var (key, _, value) in reader.Mapping(node, "ci.retry", ["max", "when"]))
        {
            if (key == "max") { jobs = jobs with { RetryMax = reader.Int(value, "ci.retry.max (GitLab allows 0-2)", 0) is { } n and <= 2 ? n : Invalid(reader, value, jobs.RetryMax) }; continue; }
            var when = reader.StringList(value, "ci.retry.when");
            foreach (var w in when.Where(w => !JobSettings.SystemFailures.Contains(w)))
                reader.Error(value, $"ci.retry.when: '{w}' is not a runner or system failure (one of {string.Join(", ", JobSettings.SystemFailures)}); a job's own failure is never retried");
            jobs = jobs with { RetryWhen = when };
        }
        return jobs;
    }

    private static int Invalid(YamlReader reader, YamlNode node, int fallback)
    {
        reader.Error(node, "ci.retry.max must be 0, 1 or 2 (GitLab's limit)");
        return fallback;
    }

    private static bool? Bool(YamlReader reader, YamlNode node, string what)
    {
        var text = reader.Scalar(node, what);
        if (text is "true" or "false") return text == "true";
        if (text is not null) reader.Error(node, $"{what} must be true or false, not '{text}'");
        return null;
    }

    private static ImmutableSortedDictionary<string, T> Map<T>(YamlReader reader, YamlNode node, string what, Func<YamlNode, string, T?> read) where T : struct
    {
        var map = ImmutableSortedDictionary.CreateBuilder<string, T>(StringComparer.Ordinal);
        foreach (var (profile, _, value) in reader.Mapping(node, what))
            if (read(value, $"{what}.{profile}") is { } v) map[profile] = v;
        return map.ToImmutable();
    }

    private static ImmutableSortedDictionary<string, string> Map(YamlReader reader, YamlNode node, string what, Func<YamlNode, string, string?> read)
    {
        var map = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (profile, _, value) in reader.Mapping(node, what))
            if (read(value, $"{what}.{profile}") is { } v) map[profile] = v;
        return map.ToImmutable();
    }
}
