using System.Collections.Immutable;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace RealmCi.Matrix;

public static partial class MatrixLoader
{
    internal static readonly string[] ArchiveKeys = ["url", "sha256", "file"];
    internal static readonly string[] QuarantineKeys = ["configs", "test", "reason", "link"];

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._+-]*$")]
    private static partial Regex FileName();

    /// <summary><c>sources:</c> name → { url, sha256, file }; <c>file</c> defaults to the URL's last segment.</summary>
    private static ImmutableDictionary<string, DeclaredSource> ReadSources(YamlReader r, YamlNode node, HashSet<string> declared)
    {
        var result = ImmutableDictionary.CreateBuilder<string, DeclaredSource>();
        foreach (var (name, keyNode, value) in r.Mapping(node, "sources"))
        {
            declared.Add(name);
            var what = $"source '{name}'";
            var fields = r.Mapping(value, what, ArchiveKeys).ToDictionary(e => e.Key, e => e.Value);
            string? Get(string key)
            {
                if (fields.TryGetValue(key, out var n)) return r.Scalar(n, $"{what}: {key}");
                r.Error(value, $"{what} needs '{key}'");
                return null;
            }
            var urlText = Get("url");
            var sha = Get("sha256");
            Uri? url = null;
            if (urlText is not null && (!Uri.TryCreate(urlText, UriKind.Absolute, out url) || url.Scheme is not ("https" or "http")))
            {
                r.Error(fields["url"], $"{what}: url '{urlText}' is not an http(s) URL");
                url = null;
            }
            if (sha is not null && !Sha256().IsMatch(sha))
            {
                r.Error(fields["sha256"], $"{what}: sha256 must be 64 hexadecimal digits, not '{sha}' ({sha.Length} characters)", "run sha256sum on the archive");
                sha = null;
            }
            var file = fields.TryGetValue("file", out var f) ? r.Scalar(f, $"{what}: file")
                : url is null ? null : Path.GetFileName(url.AbsolutePath);
            if (file is not null && !FileName().IsMatch(file))
            {
                r.Error(f ?? fields["url"], $"{what}: file '{file}' must be a plain file name (letters, digits, '.', '_', '+', '-')");
                file = null;
            }
            if (url is not null && sha is not null && file is not null)
                result[name] = new DeclaredSource(name, url, sha.ToLowerInvariant(), file, r.At(keyNode));
        }
        var files = result.Values.GroupBy(s => s.File).Where(g => g.Count() > 1);
        foreach (var group in files)
            r.Errors.Add(new(group.Last().Where, $"sources {string.Join(" and ", group.Select(s => $"'{s.Name}'"))} share the file name '{group.Key}'", "give each a distinct 'file'"));
        return result.ToImmutable();
    }

    /// <summary><c>quarantine:</c> a list of { configs: ID-GLOB, test: NAME-or-GLOB, reason, link }.</summary>
    private static Quarantine ReadQuarantine(YamlReader r, YamlNode node)
    {
        if (node is not YamlSequenceNode list) { r.Error(node, "quarantine must be a list"); return Quarantine.Empty; }
        var entries = ImmutableArray.CreateBuilder<QuarantineEntry>();
        foreach (var item in list.Children)
        {
            var fields = r.Mapping(item, "a quarantine entry", QuarantineKeys).ToDictionary(e => e.Key, e => e.Value);
            string? Get(string key, string example)
            {
                if (fields.TryGetValue(key, out var n)) return r.Scalar(n, $"quarantine: {key}");
                r.Error(item, $"a quarantine entry needs '{key}'", example);
                return null;
            }
            var configs = Get("configs", "configs: ID-GLOB, e.g. '*-tsan'");
            var test = Get("test", "test: the test's name or a glob");
            var reason = Get("reason", "reason: what fails and why, with the failing log line");
            Uri? link = null;
            if (fields.TryGetValue("link", out var l) && r.Scalar(l, "quarantine: link") is { } text
                && (!Uri.TryCreate(text, UriKind.Absolute, out link) || link.Scheme is not ("https" or "http")))
            {
                r.Error(l, $"quarantine: link '{text}' is not an http(s) URL");
                link = null;
            }
            if (configs is not null && test is not null && reason is not null)
                entries.Add(new QuarantineEntry(configs, test, reason, link, r.At(item)));
        }
        return new Quarantine(entries.ToImmutable());
    }

    private static void CheckSourceReferences(YamlReader r, HashSet<string> sources, Facets defaults,
        ImmutableArray<Axis> axes, ImmutableArray<IncludeRule> includes, ImmutableArray<Override> overrides)
    {
        void Check(Facets facets, SourceSpan where)
        {
            foreach (var name in facets.Sources.Where(n => !sources.Contains(n)))
                r.Errors.Add(new(where, $"source '{name}' is not declared under 'sources'",
                    sources.Count == 0 ? "declare it: sources: { NAME: { url: URL, sha256: HEX, file: ARCHIVE } }" : Suggest.Hint(name, sources.Order())));
        }
        Check(defaults, SourceSpan.None(r.File) with { Line = 1, Column = 1 });
        foreach (var value in axes.SelectMany(a => a.Values)) Check(value.Facets, value.Where);
        foreach (var include in includes) Check(include.Facets, include.Where);
        foreach (var o in overrides) Check(o.Facets, o.Where);
    }
}
