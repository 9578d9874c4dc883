using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace RealmCi.Matrix;

/// <summary>
/// Reads YAML nodes into plain values, collecting every problem with its file, line and
/// column instead of stopping at the first one.
/// </summary>
internal sealed class YamlReader(string file)
{
    public string File { get; } = file;

    public List<Diagnostic> Errors { get; } = [];

    public SourceSpan At(YamlNode node) => new(File, (int)node.Start.Line, (int)node.Start.Column);

    public void Error(YamlNode node, string message, string? hint = null) => Errors.Add(new(At(node), message, hint));

    /// <summary>The entries of a mapping; keys outside <paramref name="allowed"/> are reported with the closest valid key.</summary>
    public List<(string Key, YamlNode KeyNode, YamlNode Value)> Mapping(YamlNode node, string what, IReadOnlyCollection<string>? allowed = null)
    {
        var entries = new List<(string, YamlNode, YamlNode)>();
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"{what} must be a mapping (key: value)");
            return entries;
        }
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Error(keyNode, $"keys of {what} must be plain names");
                continue;
            }
            if (allowed is not null && !allowed.Contains(key))
            {
                Error(keyNode, $"unknown key '{key}' in {what}", Suggest.Hint(key, allowed));
                continue;
            }
            entries.Add((key, keyNode, value));
        }
        return entries;
    }

    public string? Scalar(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } value }) return value;
        Error(node, $"{what} must be a single value");
        return null;
    }

    /// <summary>A single value or a list of values.</summary>
    public ImmutableArray<string> StringList(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } one }) return [one];
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"{what} must be a value or a list of values");
            return [];
        }
        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var item in sequence.Children)
            if (Scalar(item, $"each item of {what}") is { } value) builder.Add(value);
        return builder.ToImmutable();
    }

    public int? Int(YamlNode node, string what, int min)
    {
        var text = Scalar(node, what);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min) return n;
        Error(node, $"{what} must be a whole number ≥ {min}, not '{text}'");
        return null;
    }

    public ImmutableSortedDictionary<string, string> StringMap(YamlNode node, string what, Func<string, string>? normalize = null)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, _, value) in Mapping(node, what))
            if (Scalar(value, $"{what}.{key}") is { } text) builder[key] = normalize?.Invoke(text) ?? text;
        return builder.ToImmutable();
    }
}
