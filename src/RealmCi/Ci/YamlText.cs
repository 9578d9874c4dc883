using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RealmCi.Ci;

/// <summary>A YAML value to emit: a scalar, a list, or a mapping whose keys keep their order.</summary>
public abstract record YamlValue
{
    public static implicit operator YamlValue(string text) => new YamlScalar(text);
}

/// <summary>A string, quoted whenever it could read as anything else; <see cref="Literal"/>: a number or boolean written as is.</summary>
public sealed record YamlScalar(string Text, bool Literal = false) : YamlValue
{
    /// <summary>A comment written after the value on its line (e.g. an action's version after its SHA).</summary>
    public string? Comment { get; init; }
}

public sealed record YamlList(IReadOnlyList<YamlValue> Items) : YamlValue;

public sealed record YamlMap(IReadOnlyList<KeyValuePair<string, YamlValue>> Entries) : YamlValue;

/// <summary>Shorthands for building YAML values in the order they are written.</summary>
public static class Y
{
    public static YamlMap Map(params (string Key, YamlValue? Value)[] entries) =>
        new(entries.Where(e => e.Value is not null).Select(e => KeyValuePair.Create(e.Key, e.Value!)).ToList());

    public static YamlMap Map(IEnumerable<(string Key, YamlValue Value)> entries) =>
        new(entries.Select(e => KeyValuePair.Create(e.Key, e.Value)).ToList());

    public static YamlList List(params YamlValue[] items) => new(items);

    /// <summary>A number or boolean, written unquoted.</summary>
    public static YamlScalar Literal(string text) => new(text, Literal: true);

    public static YamlList List(IEnumerable<YamlValue> items) => new(items.ToList());

    public static YamlList Strings(IEnumerable<string> items) => new(items.Select(i => (YamlValue)i).ToList());
}

/// <summary>
/// Writes <see cref="YamlValue"/>s as block-style YAML, byte for byte the same for the same
/// value: two-space indents, LF line ends, a scalar quoted whenever a YAML 1.1 or 1.2 reader
/// could read it as anything but that string (booleans, numbers, nulls, indicators).
/// </summary>
public static partial class YamlText
{
    public static string Write(YamlValue value, string? header = null)
    {
        var text = new StringBuilder();
        if (header is not null)
            foreach (var line in header.Split('\n')) text.Append(line.Length == 0 ? "#" : "# " + line).Append('\n');
        Block(text, value, 0);
        return text.ToString();
    }

    private static void Block(StringBuilder text, YamlValue value, int indent)
    {
        switch (value)
        {
            case YamlMap map:
                foreach (var (key, item) in map.Entries)
                {
                    text.Append(' ', indent).Append(Scalar(key, indent)).Append(':');
                    Child(text, item, indent);
                }
                break;
            case YamlList list:
                foreach (var item in list.Items)
                {
                    text.Append(' ', indent).Append('-');
                    if (item is YamlMap { Entries.Count: > 0 } inner)
                    {
                        // The first key on the dash's line, the rest aligned under it.
                        var nested = new StringBuilder();
                        Block(nested, inner, indent + 2);
                        text.Append(' ').Append(nested.ToString(indent + 2, nested.Length - indent - 2));
                    }
                    else Child(text, item, indent);
                }
                break;
            case YamlScalar scalar:
                text.Append(' ', indent).Append(scalar.Literal ? scalar.Text : Scalar(scalar.Text, indent)).Append('\n');
                break;
        }
    }

    private static void Child(StringBuilder text, YamlValue item, int indent)
    {
        switch (item)
        {
            case YamlScalar s: text.Append(' ').Append(s.Literal ? s.Text : Scalar(s.Text, indent)).Append(s.Comment is null ? "" : " # " + s.Comment).Append('\n'); break;
            case YamlMap { Entries.Count: 0 }: text.Append(" {}\n"); break;
            case YamlList { Items.Count: 0 }: text.Append(" []\n"); break;
            case YamlMap: text.Append('\n'); Block(text, item, indent + 2); break;
            case YamlList: text.Append('\n'); Block(text, item, indent + 2); break;
        }
    }

    /// <summary>A scalar as plain text when that is unambiguous, else a literal block (multi-line) or double-quoted.</summary>
    public static string Scalar(string text, int indent = 0)
    {
        if (Plain().IsMatch(text) && !Special(text)) return text;
        if (text.Contains('\n') && LiteralSafe(text))
        {
            var body = text.EndsWith('\n') ? text[..^1] : text;
            var pad = new string(' ', indent + 2);
            return (text.EndsWith('\n') ? "|" : "|-") + string.Concat(body.Split('\n').Select(l => "\n" + (l.Length == 0 ? "" : pad + l)));
        }
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                < ' ' or '\u007f' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        return quoted.Append('"').ToString();
    }

    private static bool Special(string text) =>
        text.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n" or "null" or "~"
        || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || text.StartsWith("0o", StringComparison.OrdinalIgnoreCase)
        || text.Contains(':') && text.Split(':').All(p => p.All(char.IsAsciiDigit)); // sexagesimal, e.g. 1:30

    [GeneratedRegex(@"^[A-Za-z0-9_/.$][A-Za-z0-9_./$+=@-]*( [A-Za-z0-9_./$+=@-]+)*$")]
    private static partial Regex Plain();

    /// <summary>Multi-line text a literal block keeps exactly: printable, no tabs, no trailing spaces, no leading space on the first line, at most one final newline.</summary>
    private static bool LiteralSafe(string text)
    {
        var body = text.EndsWith('\n') ? text[..^1] : text;
        if (body.Length == 0 || body.EndsWith('\n') || body.Any(c => c < ' ' && c != '\n' || c == '\u007f')) return false;
        var lines = body.Split('\n');
        return !lines[0].StartsWith(' ') && lines.All(l => !l.EndsWith(' '));
    }
}
