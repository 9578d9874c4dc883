using System.Collections.Immutable;
using System.Globalization;

namespace RealmCi.Containers;

/// <summary>Labels on everything the pipeline creates, so it can always be found and removed.</summary>
public static class Labels
{
    public const string Run = "org.realm-ci.run";
    public const string Configuration = "org.realm-ci.config";
    public const string Step = "org.realm-ci.step";
    public const string Pid = "org.realm-ci.pid";
    public const string Host = "org.realm-ci.host";
    public const string Recipe = "org.realm-ci.recipe";

    /// <summary>The labels of a configuration's containers in a run: enough to find them, and to tell an orphan.</summary>
    public static ImmutableSortedDictionary<string, string> For(string runId, string configuration) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            [Run] = runId,
            [Configuration] = configuration,
            [Pid] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            [Host] = Environment.MachineName,
        });
}
