using System.Collections.Immutable;
using System.Text.RegularExpressions;
using RealmCi.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RealmCi.Matrix;

/// <summary>
/// Where the project's source comes from and how to find its CMake project in a checkout — the
/// matrix file's <c>source</c> section, so no project's knowledge lives in the code:
/// <c>repository</c> and <c>ref</c> to clone when no checkout is given; <c>subdirs</c>, folders
/// of a larger checkout that may hold the project (Legion's <c>realm/</c>); <c>project-pattern</c>,
/// a regular expression matching the project's own top-level CMakeLists.txt (so a checkout whose
/// top level is the project is built from its top even when it has such a folder).
/// </summary>
public sealed record ProjectSource(string? Repository, string Ref, string? ProjectPattern, ImmutableArray<string> Subdirs)
{
    public static readonly ProjectSource None = new(null, "main", null, []);

    /// <summary>How a checkout gives the project its version (<c>version</c>); null: not checked.</summary>
    public SourceVersion? Version { get; init; }
}

public static partial class MatrixLoader
{
    internal static readonly string[] SourceKeys = ["repository", "ref", "project-pattern", "subdirs", "version"];
    internal static readonly string[] VersionKeys = ["tags", "file", "unexpanded", "not-on-tag"];
    internal static readonly string[] NotOnTagKeys = ["tags", "cmake-pattern", "reason", "fix"];

    /// <summary>The <c>source</c> section of a matrix file (<see cref="ProjectSource.None"/> without one). Errors as <see cref="Load"/> reports them.</summary>
    public static ProjectSource LoadSource(string path)
    {
        if (!System.IO.File.Exists(path)) return ProjectSource.None; // the matrix load reports it
        var reader = new YamlReader(path);
        YamlNode root;
        try { root = YamlReader.ParseDocument(System.IO.File.ReadAllText(path), path); }
        catch (MatrixException) { return ProjectSource.None; } // the matrix load reports it
        if (root is not YamlMappingNode top || !top.Children.TryGetValue(new YamlScalarNode("source"), out var node)) return ProjectSource.None;
        var source = ReadSource(reader, node);
        if (reader.Errors.Count > 0) throw new MatrixException(reader.Errors);
        return source;
    }

    private static ProjectSource ReadSource(YamlReader r, YamlNode node)
    {
        var fields = r.Mapping(node, "source", SourceKeys).ToDictionary(e => e.Key, e => e.Value);
        string? Text(string key) => fields.TryGetValue(key, out var value) ? r.Scalar(value, key) : null;
        var pattern = Text("project-pattern");
        if (pattern is not null)
        {
            try { _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1)); }
            catch (ArgumentException e) { r.Error(fields["project-pattern"], $"project-pattern is not a regular expression: {e.Message}"); }
        }
        var subdirs = fields.TryGetValue("subdirs", out var list) ? r.StringList(list, "subdirs") : [];
        return new ProjectSource(Text("repository"), Text("ref") ?? "main", pattern, subdirs)
        {
            Version = fields.TryGetValue("version", out var version) ? ReadVersion(r, version) : null,
        };
    }

    private static SourceVersion ReadVersion(YamlReader r, YamlNode node)
    {
        var fields = r.Mapping(node, "source.version", VersionKeys).ToDictionary(e => e.Key, e => e.Value);
        string? Text(string key) => fields.TryGetValue(key, out var value) ? r.Scalar(value, $"source.version.{key}") : null;
        var tags = fields.TryGetValue("tags", out var t) ? r.StringList(t, "source.version.tags") : [];
        if (tags.IsEmpty) r.Error(node, "source.version needs 'tags': the tag patterns the project's CMake takes a version from (e.g. v*)");
        var rules = ImmutableArray.CreateBuilder<NotOnTagRule>();
        if (fields.TryGetValue("not-on-tag", out var list))
        {
            if (list is not YamlSequenceNode items) r.Error(list, "source.version.not-on-tag must be a list");
            else
                foreach (var item in items)
                {
                    var rule = r.Mapping(item, "each item of source.version.not-on-tag", NotOnTagKeys).ToDictionary(e => e.Key, e => e.Value);
                    string? Field(string key)
                    {
                        if (rule.TryGetValue(key, out var value)) return r.Scalar(value, $"not-on-tag.{key}");
                        r.Error(item, $"each item of source.version.not-on-tag needs '{key}'");
                        return null;
                    }
                    var (tag, cmake, reason, fix) = (Field("tags"), Field("cmake-pattern"), Field("reason"), Field("fix"));
                    if (cmake is not null)
                    {
                        try { _ = new Regex(cmake, RegexOptions.None, TimeSpan.FromSeconds(1)); }
                        catch (ArgumentException e) { r.Error(rule["cmake-pattern"], $"cmake-pattern is not a regular expression: {e.Message}"); }
                    }
                    if (tag is not null && cmake is not null && reason is not null && fix is not null) rules.Add(new(tag, cmake, reason, fix));
                }
        }
        return new SourceVersion(tags, Text("file"), Text("unexpanded"), rules.ToImmutable(), r.At(node));
    }
}
