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
            if ((rule.Id is null || Glob.Matches(rule.Id, id)) && rule.Axes.All(a => axes.TryGetValue(a.Key, out var v) && Matches(a.Value, v)))
                return rule.Runner;
        return settings.DefaultRunner;
    }

    private static bool Matches(string pattern, string value) =>
        pattern.StartsWith('!') ? !Glob.Matches(pattern[1..], value) : Glob.Matches(pattern, value);
}
