using System.Collections.Immutable;
using System.Globalization;
using RealmCi.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RealmCi.Matrix;

/// <summary>
/// Reads YAML nodes into plain values, collecting every problem with its file, line and
/// column instead of stopping at the first one.
/// </summary>
internal sealed class YamlReader(string file)
{
    public string File { get; } = file;

    /// <summary>
    /// The first document's root node. Whatever YamlDotNet throws — its own exceptions, or the
    /// <see cref="InvalidOperationException"/> its scanner throws on an unclosed flow collection,
    /// or a lookup of an undefined merge anchor — becomes one located diagnostic.
    /// </summary>
    public static YamlNode ParseDocument(string text, string file) =>
        ParseDocumentOrNull(text, file) ?? throw new MatrixException([new(new(file, 1, 1), "the matrix file is empty")]);

    /// <summary>As <see cref="ParseDocument"/>, but a file without a document gives null.</summary>
    public static YamlNode? ParseDocumentOrNull(string text, string file)
    {
        var scanner = new Scanner(new StringReader(text));
        var stream = new YamlStream();
        try
        {
            stream.Load(new MergingParser(new Parser(scanner))); // supports YAML merge keys (<<: *anchor)
        }
        catch (YamlException e)
        {
            var start = e.Start.Line > 0 ? e.Start : scanner.CurrentPosition;
            var at = e is AnchorNotFoundException && AliasOf(e.Message) is { } alias ? Find(text, "*" + alias) : null;
            throw Invalid(file, at ?? (start.Line, start.Column), OneLine(e.InnerException?.Message ?? e.Message));
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or ArgumentException or FormatException or OverflowException)
        {
            if (e is KeyNotFoundException && AliasOf(e.Message) is { } alias)
                throw Invalid(file, Find(text, "*" + alias) ?? (scanner.CurrentPosition.Line, scanner.CurrentPosition.Column), $"the alias '*{alias}' refers to no anchor defined before it");
            throw Invalid(file, (scanner.CurrentPosition.Line, scanner.CurrentPosition.Column), "unexpected structure (is a bracket or brace left open?)");
        }
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    private static string? AliasOf(string message) =>
        System.Text.RegularExpressions.Regex.Match(message, "'([^']+)'") is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The place of the first occurrence of <paramref name="needle"/>.</summary>
    private static (long Line, long Column)? Find(string text, string needle)
    {
        var index = text.IndexOf(needle, StringComparison.Ordinal);
        if (index < 0) return null;
        var line = text.AsSpan(0, index).Count('\n') + 1;
        var column = index - text.LastIndexOf('\n', Math.Max(0, index - 1));
        return (line, column);
    }

    private static MatrixException Invalid(string file, (long Line, long Column) at, string message) =>
        new([new(new(file, (int)Math.Max(1, at.Line), (int)Math.Max(1, at.Column)), $"not valid YAML: {message}")]);

    /// <summary>A message as one line: its first line, without control characters.</summary>
    internal static string OneLine(string message) =>
        new(message.Split('\n')[0].Select(c => char.IsControl(c) ? ' ' : c).ToArray());

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
