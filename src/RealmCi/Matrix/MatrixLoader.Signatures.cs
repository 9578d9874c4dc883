using System.Collections.Immutable;
using System.Text.RegularExpressions;
using RealmCi.CMake;
using YamlDotNet.RepresentationModel;

namespace RealmCi.Matrix;

public static partial class MatrixLoader
{
    internal static readonly string[] SignatureKeys = ["name", "step", "pattern", "explanation", "fix", "link"];

    /// <summary>The step names a signature may name: the steps of a configuration, lower case.</summary>
    internal static readonly string[] StepNames = Enum.GetNames<StepKind>().Select(n => n.ToLowerInvariant()).ToArray();

    /// <summary><c>signatures:</c> a list of { name, step, pattern (a .NET regular expression), explanation, fix, link }.</summary>
    private static FailureSignatures ReadSignatures(YamlReader r, YamlNode node)
    {
        if (node is not YamlSequenceNode list) { r.Error(node, "signatures must be a list"); return FailureSignatures.Empty; }
        var entries = ImmutableArray.CreateBuilder<FailureSignature>();
        var names = new HashSet<string>();
        foreach (var item in list.Children)
        {
            var fields = r.Mapping(item, "a signature", SignatureKeys).ToDictionary(e => e.Key, e => e.Value);
            string? Get(string key, string example)
            {
                if (fields.TryGetValue(key, out var n)) return r.Scalar(n, $"signature: {key}");
                r.Error(item, $"a signature needs '{key}'", example);
                return null;
            }
            var name = Get("name", "name: a short id, e.g. no-version-tag");
            var pattern = Get("pattern", "pattern: a regular expression matching the log line");
            var explanation = Get("explanation", "explanation: what the line means");
            var fix = Get("fix", "fix: what to do about it");
            if (name is not null && !names.Add(name)) r.Error(fields["name"], $"signature '{name}' is defined twice");

            var steps = ImmutableArray.CreateBuilder<StepKind>();
            if (fields.TryGetValue("step", out var stepNode))
                foreach (var step in r.StringList(stepNode, "signature: step"))
                    if (StepNames.Contains(step)) steps.Add(Enum.Parse<StepKind>(step, ignoreCase: true));
                    else r.Error(stepNode, $"signature '{name}': unknown step '{step}'", Suggest.Hint(step, StepNames));

            Regex? regex = null;
            if (pattern is not null)
                try { regex = new Regex(pattern, RegexOptions.CultureInvariant, FailureSignature.MatchTimeout); }
                catch (ArgumentException e) { r.Error(fields["pattern"], $"signature '{name}': pattern is not a valid regular expression: {YamlReader.OneLine(e.Message)}"); }

            Uri? link = null;
            if (fields.TryGetValue("link", out var l) && r.Scalar(l, "signature: link") is { } text
                && (!Uri.TryCreate(text, UriKind.Absolute, out link) || link.Scheme is not ("https" or "http")))
            {
                r.Error(l, $"signature '{name}': link '{text}' is not an http(s) URL");
                link = null;
            }
            if (name is not null && regex is not null && explanation is not null && fix is not null)
                entries.Add(new FailureSignature(name, steps.ToImmutable(), regex, explanation, fix, link, r.At(item)));
        }
        return new FailureSignatures(entries.ToImmutable());
    }
}
