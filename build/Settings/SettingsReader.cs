using System.Collections.Immutable;
using System.Globalization;
using RealmCi.Errors;
using RealmCi.Matrix;

namespace RealmCi.Build;

/// <summary>
/// Reads one value at a time from the layers (command line over cake.config), noting every
/// problem instead of stopping at the first. Each problem names where the value came from.
/// </summary>
internal sealed class SettingsReader(SettingsInputs inputs)
{
    public List<string> Problems { get; } = [.. inputs.ArgumentProblems];

    public void Problem(string message) => Problems.Add(message);

    public string? Last(string argument) => inputs.Arguments[argument].LastOrDefault();

    public ImmutableArray<string> All(string argument) => [.. inputs.Arguments[argument]];

    /// <summary>The command line's value, else cake.config's; with the source to name in a problem.</summary>
    private (string Value, string Source, bool FromConfig)? Raw(string? argument, string? configKey)
    {
        if (argument is not null && Last(argument) is { } given) return (given, $"--{argument}={given}", false);
        if (configKey is not null && ConfigValue(configKey) is { } configured) return (configured, $"{ConfigSource(configKey)}={configured}", true);
        return null;
    }

    private string? ConfigValue(string key) =>
        inputs.Config.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } v ? v : null;

    /// <summary>How a cake.config key is named in a message: the environment variable when that set it.</summary>
    public string ConfigSource(string key)
    {
        var variable = $"CAKE_REALMCI_{key.ToUpperInvariant()}";
        return inputs.Environment.TryGetValue(variable, out var v) && v.Length > 0 ? variable : $"cake.config [RealmCi] {key}";
    }

    public string? Text(string? argument, string? configKey)
    {
        if (Raw(argument, configKey) is not { } raw) return null;
        if (raw.Value.Trim().Length == 0) { Problem($"{raw.Source}: expected a value"); return null; }
        return raw.Value;
    }

    public T Choice<T>(string argument, string? configKey, T fallback, Dictionary<string, T> choices, string expected)
    {
        if (Raw(argument, configKey) is not { } raw) return fallback;
        if (choices.TryGetValue(raw.Value.ToLowerInvariant(), out var value)) return value;
        Problem($"{raw.Source}: expected {expected}{Hint(raw.Value, choices.Keys.Where(k => k.Length > 1))}");
        return fallback;
    }

    public int? Number(string argument, int min, string? configKey = null)
    {
        if (Raw(argument, configKey) is not { } raw) return null;
        if (int.TryParse(raw.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min) return n;
        Problem($"{raw.Source}: expected a whole number ≥ {min}");
        return null;
    }

    public bool Flag(string argument)
    {
        if (Last(argument) is not { } text) return false;
        switch (text.ToLowerInvariant())
        {
            case "true" or "yes" or "1": return true;
            case "false" or "no" or "0": return false;
            default: Problem($"--{argument}={text}: expected true or false (or just --{argument})"); return false;
        }
    }

    public Shard? ShardOption()
    {
        if (Last("shard") is not { } text) return null;
        try { return RealmCi.Matrix.Shard.Parse(text); }
        catch (RealmCiException e) { Problem(e.Message); return null; }
    }

    public ImmutableSortedDictionary<string, string> KeyValues(string argument)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var text in inputs.Arguments[argument])
        {
            var eq = text.IndexOf('=');
            if (eq <= 0 || text[..eq].Trim().Length == 0) Problem($"--{argument}={text}: expected KEY=VALUE");
            else builder[text[..eq]] = text[(eq + 1)..];
        }
        return builder.ToImmutable();
    }

    public string Target()
    {
        var target = Last("target") ?? inputs.DefaultTarget;
        var known = inputs.Targets.FirstOrDefault(t => string.Equals(t, target, StringComparison.OrdinalIgnoreCase));
        if (known is not null || inputs.Targets.Count == 0) return known ?? target;
        Problem($"unknown target '{target}'. Known targets: {string.Join(", ", inputs.Targets)}");
        return target;
    }

    /// <summary>An absolute path: command-line values start at the working directory, cake.config's at its folder.</summary>
    public string? Path(string? argument, string? configKey) =>
        Raw(argument, configKey) is { } raw ? Absolute(raw.Value, raw.FromConfig ? inputs.Root : inputs.WorkingDirectory, raw.Source) : null;

    public string? EnvironmentPath(string variable) =>
        inputs.Environment.TryGetValue(variable, out var v) && v.Length > 0 ? Absolute(v, inputs.WorkingDirectory, $"{variable}={v}") : null;

    /// <summary>$XDG_CACHE_HOME/realm-ci, else ~/.cache/realm-ci.</summary>
    public string DefaultCache() =>
        System.IO.Path.Combine(inputs.Environment.TryGetValue("XDG_CACHE_HOME", out var x) && x.Length > 0 ? x : System.IO.Path.Combine(inputs.Home, ".cache"), "realm-ci");

    /// <summary>A leading ~/ is the home folder (bash does not expand it after '=').</summary>
    public string Absolute(string path, string start, string? source = null)
    {
        if (path.Trim().Length == 0 || path.Contains('\0'))
        {
            Problem($"{source ?? path}: expected a path");
            return start;
        }
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
            path = System.IO.Path.Combine(inputs.Home, path.TrimStart('~').TrimStart('/'));
        return System.IO.Path.GetFullPath(path, start);
    }

    private static string Hint(string value, IEnumerable<string> choices) =>
        Suggest.Closest(value, choices) is { } close ? $" (did you mean '{close}'?)" : "";
}
