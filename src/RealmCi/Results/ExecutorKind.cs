using System.Text.Json.Serialization;

namespace RealmCi.Results;

/// <summary>
/// Where a configuration's commands run: in a container on the engine, or on this machine.
/// <see cref="Auto"/> is a setting only (Docker when the engine answers, else the host); a plan,
/// a result and a pack name the one that ran. In JSON and on the command line: "docker", "host".
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExecutorKind>))]
public enum ExecutorKind
{
    [JsonStringEnumMemberName("auto")] Auto,
    [JsonStringEnumMemberName("docker")] Docker,
    [JsonStringEnumMemberName("host")] Host,
}

/// <summary>The names of <see cref="ExecutorKind"/> as <c>--executor</c>, results and messages spell them.</summary>
public static class ExecutorKinds
{
    /// <summary>Each name and its kind, for parsing <c>--executor=NAME</c>.</summary>
    public static IReadOnlyDictionary<string, ExecutorKind> ByName { get; } =
        Enum.GetValues<ExecutorKind>().ToDictionary(Name, k => k, StringComparer.Ordinal);

    public static string Name(this ExecutorKind kind) => kind switch
    {
        ExecutorKind.Auto => "auto",
        ExecutorKind.Docker => "docker",
        ExecutorKind.Host => "host",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
