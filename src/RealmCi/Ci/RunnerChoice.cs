using System.Collections.Immutable;
using RealmCi.Matrix;

namespace RealmCi.Ci;

/// <summary>
/// Which runner a configuration needs, from the settings' rules (declared capabilities), never
/// from what the generating host has: the first rule whose axis globs and Id glob all match.
/// </summary>
public static class RunnerChoice
{
    public static Runner For(CiSettings settings, string id, IReadOnlyDictionary<string, string> axes)
    {
        foreach (var rule in settings.Runners)
            if (Matches(rule.Axes, rule.Id, id, axes))
                return rule.Runner;
        return settings.DefaultRunner;
    }

    /// <summary>Whether a rule's axis globs (<c>!</c> negates) and Id glob all match a configuration.</summary>
    public static bool Matches(ImmutableSortedDictionary<string, string> patterns, string? idGlob, string id, IReadOnlyDictionary<string, string> axes) =>
        (idGlob is null || Glob.Matches(idGlob, id)) && patterns.All(a => axes.TryGetValue(a.Key, out var v) && Matches(a.Value, v));

    private static bool Matches(string pattern, string value) =>
        pattern.StartsWith('!') ? !Glob.Matches(pattern[1..], value) : Glob.Matches(pattern, value);
}
