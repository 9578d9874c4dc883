using System.Collections.Immutable;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace RealmCi.Matrix;

public static partial class MatrixLoader
{
    internal static readonly string[] FactKeys = ["description", "file", "pattern"];

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex FactName();

    /// <summary><c>facts:</c> name → { description, file, pattern }: a regular expression that holds when it matches in the file (relative to the project).</summary>
    private static ImmutableDictionary<string, SourceFact> ReadFacts(YamlReader r, YamlNode node)
    {
        var result = ImmutableDictionary.CreateBuilder<string, SourceFact>();
        foreach (var (name, keyNode, value) in r.Mapping(node, "facts"))
        {
            var what = $"fact '{name}'";
            if (!FactName().IsMatch(name)) r.Error(keyNode, $"{what}: a name is lower case letters, digits and '-', starting with a letter");
            var f = r.Mapping(value, what, FactKeys).ToDictionary(e => e.Key, e => e.Value);
            string? Text(string key, string example)
            {
                if (f.TryGetValue(key, out var n)) return r.Scalar(n, $"{what}: {key}");
                r.Error(value, $"{what} needs '{key}'", example);
                return null;
            }
            var file = Text("file", "file: CMakeLists.txt (relative to the project's folder)");
            var pattern = Text("pattern", @"pattern: '^\s*option\s*\(\s*REALM_BUILD_DOCS\b' (a regular expression, multi-line)");
            if (file is not null && (Path.IsPathRooted(file) || file.Split('/').Contains("..")))
            {
                r.Error(f["file"], $"{what}: file '{file}' must be a path inside the project (relative, no '..')");
                file = null;
            }
            if (pattern is not null && !IsRegex(pattern))
            {
                r.Error(f["pattern"], $"{what}: pattern is not a valid regular expression");
                pattern = null;
            }
            if (file is not null && pattern is not null)
                result[name] = new SourceFact(name, file, pattern, f.TryGetValue("description", out var d) ? r.Scalar(d, $"{what}: description") : null, r.At(keyNode));
        }
        return result.ToImmutable();
    }

    /// <summary>An override's <c>when: { FACT: true|false }</c>; a fact not declared under <c>facts:</c> is an error with the closest name.</summary>
    private static ImmutableDictionary<string, bool> ReadWhen(YamlReader r, YamlNode node, ImmutableDictionary<string, SourceFact> facts)
    {
        var result = ImmutableDictionary.CreateBuilder<string, bool>();
        foreach (var (name, keyNode, value) in r.Mapping(node, "when"))
        {
            if (!facts.ContainsKey(name))
                r.Error(keyNode, $"when: '{name}' is not a fact of this file (facts:)", Suggest.Hint(name, facts.Keys.Order()));
            else if (r.Scalar(value, $"when: {name}") is not ("true" or "false"))
                r.Error(value, $"when: {name} takes true or false");
            else result[name] = r.Scalar(value, $"when: {name}") == "true";
        }
        return result.ToImmutable();
    }

    private static bool IsRegex(string pattern)
    {
        try { _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1)); return true; }
        catch (ArgumentException) { return false; }
    }
}
