using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

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
/// Writes <see cref="YamlValue"/>s as block-style YAML through YamlDotNet's emitter, byte for
/// byte the same for the same value: two-space indents, sequences indented under their key,
/// LF line ends. This class only chooses each scalar's style: plain when no YAML 1.1 or 1.2
/// reader could read it as anything but that string, a literal block for safe multi-line
/// text, else double-quoted (booleans, numbers, nulls, indicators).
/// </summary>
public static partial class YamlText
{
    public static string Write(YamlValue value, string? header = null)
    {
        var text = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings(2, int.MaxValue, false, 1024, skipAnchorName: false, indentSequences: true, newLine: "\n"));
        emitter.Emit(new StreamStart());
        if (header is not null)
            foreach (var line in header.Split('\n')) emitter.Emit(new Comment(line.Length == 0 ? "" : line, isInline: false));
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, value);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Emit(IEmitter emitter, YamlValue value)
    {
        switch (value)
        {
            case YamlMap map:
                emitter.Emit(new MappingStart(null, null, true, map.Entries.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, item) in map.Entries)
                {
                    emitter.Emit(Scalar(key));
                    Emit(emitter, item);
                }
                emitter.Emit(new MappingEnd());
                break;
            case YamlList list:
                emitter.Emit(new SequenceStart(null, null, true, list.Items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in list.Items) Emit(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case YamlScalar scalar:
                emitter.Emit(scalar.Literal ? new Scalar(null, null, scalar.Text, ScalarStyle.Plain, true, false) : Scalar(scalar.Text));
                if (scalar.Comment is { } comment) emitter.Emit(new Comment(comment, isInline: true));
                break;
        }
    }

    private static Scalar Scalar(string text) => new(null, null, text, Style(text), true, true);

    /// <summary>Plain when that is unambiguous, a literal block for safe multi-line text, else double-quoted.</summary>
    public static ScalarStyle Style(string text) =>
        Plain().IsMatch(text) && !Special(text) ? ScalarStyle.Plain
        : text.Contains('\n') && LiteralSafe(text) ? ScalarStyle.Literal
        : ScalarStyle.DoubleQuoted;

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
