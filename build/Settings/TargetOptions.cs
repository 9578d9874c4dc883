namespace RealmCi.Build;

/// <summary>
/// Which options a target takes: those declared for it or for a target it depends on (they run
/// too). An option given on the command line to a target that takes none of it is a problem
/// naming the targets it applies to — silently ignoring it would run something else than asked.
/// Defaults from cake.config or the environment are not "given" and never count.
/// </summary>
public static class TargetOptions
{
    public static IEnumerable<string> Problems(string target, SettingsInputs inputs)
    {
        var runs = Closure(target, inputs.Dependencies);
        foreach (var option in inputs.Options)
        {
            if (!inputs.Arguments.Contains(option.Name) || option.Targets is not { } targets) continue;
            if (runs.Any(option.AppliesTo)) continue;
            yield return $"--{option.Name} does not apply to --target={target}; it applies to {string.Join(", ", targets)}";
        }
    }

    /// <summary>The target and every target it depends on, directly or not.</summary>
    public static IReadOnlyList<string> Closure(string target, IReadOnlyDictionary<string, IReadOnlyList<string>> dependencies)
    {
        var seen = new List<string>();
        var pending = new Stack<string>([target]);
        while (pending.TryPop(out var next))
        {
            if (seen.Contains(next, StringComparer.OrdinalIgnoreCase)) continue;
            seen.Add(next);
            foreach (var d in dependencies.GetValueOrDefault(next) ?? []) pending.Push(d);
        }
        return seen;
    }
}
