using System.Collections.Immutable;
using System.Text.RegularExpressions;
using RealmCi.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RealmCi.Matrix;

/// <summary>
/// Parses a matrix file into a <see cref="MatrixDefinition"/>: parse, then validate
/// everything, then build records. All problems are reported together as a
/// <see cref="MatrixException"/>. The format is documented in matrix/README.md.
/// </summary>
public static partial class MatrixLoader
{
    internal static readonly string[] TopKeys =
        ["version", "project", "default-profile", "bases", "sources", "defaults", "axes", "exclude", "include", "constraints", "profiles", "overrides", "quarantine", "source", "signatures", "downstreams", "abi", "facts"];

    internal static readonly string[] FacetKeys = ["description", "cmake", "env", "packages", "base", "run", "container", "test", "requires", "sources", "targets"];
    internal static readonly string[] ContainerKeys = ["gpus", "shm-size"];
    internal static readonly string[] TestKeys = ["labels", "exclude-labels", "timeout", "ranks", "launcher", "launch-labels", "gpu-labels"];
    internal static readonly string[] AxisKeys = ["description", "default", "values"];
    internal static readonly string[] BaseKeys = ["image", "package-manager", "bootstrap", "requires"];
    internal static readonly string[] BootstrapKeys = ["suite", "mirror", "variant", "components"];
    internal static readonly string[] ConstraintKeys = ["when", "require", "forbid", "reason"];
    internal static readonly string[] ProfileKeys = ["description", "strategy", "where", "select", "skip", "configs"];
    internal static readonly string[] OverrideKeys = ["match", "when", "unsupported", .. FacetKeys];
    internal static readonly string[] PackageManagers = ["apt"];

    /// <summary>Words an axis may not be named, because rules mix axis names with these keys.</summary>
    internal static readonly string[] Reserved = [.. FacetKeys, "reason", "match"];

    [GeneratedRegex("^[a-z0-9][a-z0-9._]*$")]
    internal static partial Regex ValueName();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    internal static partial Regex AxisName();

    public static MatrixDefinition LoadFile(string path)
    {
        if (!System.IO.File.Exists(path))
            throw new RealmCiException($"matrix file not found: {path} (pass --matrix=FILE or set Matrix in the [RealmCi] section of cake.config)");
        return Load(System.IO.File.ReadAllText(path), path);
    }

    public static MatrixDefinition Load(string text, string file)
    {
        var reader = new YamlReader(file);
        var root = YamlReader.ParseDocument(text, file);

        var definition = Read(reader, root);
        if (reader.Errors.Count > 0 || definition is null) throw new MatrixException(reader.Errors);
        return definition;
    }

    private static MatrixDefinition? Read(YamlReader r, YamlNode root)
    {
        var top = r.Mapping(root, "the matrix file", TopKeys).ToDictionary(e => e.Key, e => e.Value);
        if (top.TryGetValue("version", out var versionNode) && r.Scalar(versionNode, "version") is { } version && version != "1")
            r.Error(versionNode, $"unsupported matrix format version '{version}'", "this realm-ci reads version 1");
        foreach (var required in new[] { "axes" })
            if (!top.ContainsKey(required)) r.Errors.Add(new(r.At(root), $"missing required key '{required}'"));

        var project = top.TryGetValue("project", out var projectNode) ? r.Scalar(projectNode, "project") ?? "" : "";
        var source = top.TryGetValue("source", out var sourceNode) ? ReadSource(r, sourceNode) : ProjectSource.None;
        var bases = top.TryGetValue("bases", out var basesNode) ? ReadBases(r, basesNode) : ImmutableDictionary<string, BaseImage>.Empty;
        var defaults = top.TryGetValue("defaults", out var defaultsNode) ? ReadFacets(r, defaultsNode, "defaults", FacetKeys) : Facets.Empty;
        var axes = top.TryGetValue("axes", out var axesNode) ? ReadAxes(r, axesNode) : [];
        if (r.Errors.Count > 0 && axes.IsEmpty) return null;

        var context = new RuleReader(r, axes);
        var excludes = top.TryGetValue("exclude", out var ex) ? context.Excludes(ex) : [];
        var constraints = top.TryGetValue("constraints", out var co) ? context.Constraints(co) : [];
        var includes = top.TryGetValue("include", out var inc) ? context.Includes(inc) : [];
        var profiles = top.TryGetValue("profiles", out var pr) ? context.Profiles(pr) : ImmutableDictionary<string, Profile>.Empty;
        var facts = top.TryGetValue("facts", out var fa) ? ReadFacts(r, fa) : ImmutableDictionary<string, SourceFact>.Empty;
        var overrides = top.TryGetValue("overrides", out var ov) ? ReadOverrides(r, ov, facts) : [];

        string? defaultProfile = null;
        if (top.TryGetValue("default-profile", out var dp) && r.Scalar(dp, "default-profile") is { } name)
        {
            if (profiles.ContainsKey(name)) defaultProfile = name;
            else r.Error(dp, $"default-profile '{name}' is not a profile of this file", Suggest.Hint(name, profiles.Keys.Order()));
        }

        var declared = new HashSet<string>();
        var sources = top.TryGetValue("sources", out var so) ? ReadSources(r, so, declared) : ImmutableDictionary<string, DeclaredSource>.Empty;
        var quarantine = top.TryGetValue("quarantine", out var qu) ? ReadQuarantine(r, qu) : Quarantine.Empty;
        var signatures = top.TryGetValue("signatures", out var si) ? ReadSignatures(r, si) : FailureSignatures.Empty;
        var downstreams = top.TryGetValue("downstreams", out var ds) ? ReadDownstreams(r, ds) : ImmutableDictionary<string, Downstream.DownstreamProject>.Empty;
        var abi = top.TryGetValue("abi", out var ab) ? ReadAbi(r, ab) : null;

        CheckBaseReferences(r, bases, defaults, axes, includes, overrides);
        CheckSourceReferences(r, declared, defaults, axes, includes, overrides);
        return new MatrixDefinition(r.File, project, defaults, axes, bases, excludes, constraints, includes, profiles, overrides, defaultProfile)
        {
            Sources = sources,
            Quarantine = quarantine,
            Source = source,
            Signatures = signatures,
            Downstreams = downstreams,
            Abi = abi,
            Facts = facts,
        };
    }

    private static ImmutableArray<Axis> ReadAxes(YamlReader r, YamlNode node)
    {
        var axes = ImmutableArray.CreateBuilder<Axis>();
        var owners = new Dictionary<string, string>();
        foreach (var (name, keyNode, axisNode) in r.Mapping(node, "axes"))
        {
            if (!AxisName().IsMatch(name))
                r.Error(keyNode, $"axis name '{name}' must be lower case letters, digits and '_', starting with a letter");
            else if (Reserved.Contains(name))
                r.Error(keyNode, $"'{name}' cannot name an axis: rules use it as a key", $"reserved: {string.Join(", ", Reserved)}");

            var fields = r.Mapping(axisNode, $"axis '{name}'", AxisKeys).ToDictionary(e => e.Key, e => e.Value);
            var values = ImmutableArray.CreateBuilder<AxisValue>();
            if (!fields.TryGetValue("values", out var valuesNode))
                r.Error(axisNode, $"axis '{name}' has no 'values'");
            else
                foreach (var (valueName, valueKey, valueNode) in r.Mapping(valuesNode, $"values of axis '{name}'"))
                {
                    if (!ValueName().IsMatch(valueName))
                        r.Error(valueKey, $"value '{valueName}' of axis '{name}' must be lower case letters, digits, '.' and '_' (it becomes part of Ids, folder and CI job names; '-' separates the parts)");
                    else if (owners.TryGetValue(valueName, out var other))
                        r.Error(valueKey, $"value '{valueName}' of axis '{name}' is also a value of axis '{other}'", "value names are unique across axes, so that an Id can be read back into its values");
                    else owners[valueName] = name;

                    var facets = valueNode is YamlScalarNode { Value: null or "" } || valueNode is YamlScalarNode { Style: ScalarStyle.Plain, Value: "~" }
                        ? Facets.Empty
                        : ReadFacets(r, valueNode, $"value '{valueName}' of axis '{name}'", FacetKeys);
                    var description = valueNode is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("description"), out var d)
                        ? (d as YamlScalarNode)?.Value : null;
                    values.Add(new AxisValue(valueName, description, facets, r.At(valueKey)));
                }
            if (fields.ContainsKey("values") && values.Count == 0)
                r.Error(axisNode, $"axis '{name}' has no values");

            int? defaultIndex = null;
            if (fields.TryGetValue("default", out var defaultNode) && r.Scalar(defaultNode, $"default of axis '{name}'") is { } defaultName)
            {
                var index = values.Select(v => v.Name).ToList().IndexOf(defaultName);
                if (index >= 0) defaultIndex = index;
                else r.Error(defaultNode, $"default '{defaultName}' is not a value of axis '{name}'", Suggest.Hint(defaultName, values.Select(v => v.Name)));
            }
            axes.Add(new Axis(name, values.ToImmutable(), defaultIndex, r.At(keyNode)));
        }
        if (axes.Count == 0 && r.Errors.Count == 0) r.Error(node, "the matrix has no axes");
        return axes.ToImmutable();
    }

    private static ImmutableArray<Override> ReadOverrides(YamlReader r, YamlNode node, ImmutableDictionary<string, SourceFact> facts)
    {
        if (node is not YamlSequenceNode list) { r.Error(node, "overrides must be a list"); return []; }
        var result = ImmutableArray.CreateBuilder<Override>();
        foreach (var item in list.Children)
        {
            var fields = r.Mapping(item, "an override", OverrideKeys);
            var match = fields.FirstOrDefault(f => f.Key == "match");
            if (match.Value is null) { r.Error(item, "an override needs 'match: ID-GLOB'"); continue; }
            var pattern = r.Scalar(match.Value, "match");
            var facets = ReadFacets(r, item, "an override", OverrideKeys, skipUnknown: true);
            var when = fields.FirstOrDefault(f => f.Key == "when") is { Value: { } w } ? ReadWhen(r, w, facts) : ImmutableDictionary<string, bool>.Empty;
            string? unsupported = null;
            if (fields.FirstOrDefault(f => f.Key == "unsupported") is { Value: { } u })
            {
                unsupported = r.Scalar(u, "unsupported");
                if (string.IsNullOrWhiteSpace(unsupported)) { r.Error(u, "'unsupported' needs a reason (what in the source the configuration cannot build)"); unsupported = null; }
                else if (when.IsEmpty && !fields.Any(f => f.Key == "when"))
                    r.Error(u, "'unsupported' needs a 'when:' naming the facts of the sources it cannot build", "a configuration no source can build belongs in exclude:");
            }
            if (pattern is not null) result.Add(new Override(pattern, facets, r.At(item)) { When = when, Unsupported = unsupported });
        }
        return result.ToImmutable();
    }

    private static ImmutableDictionary<string, BaseImage> ReadBases(YamlReader r, YamlNode node)
    {
        var result = ImmutableDictionary.CreateBuilder<string, BaseImage>();
        foreach (var (name, keyNode, value) in r.Mapping(node, "bases"))
        {
            var fields = r.Mapping(value, $"base '{name}'", BaseKeys).ToDictionary(e => e.Key, e => e.Value);
            var image = fields.TryGetValue("image", out var imageNode) ? r.Scalar(imageNode, "image") : null;
            if (image is null) { r.Error(value, $"base '{name}' needs 'image'"); continue; }
            var manager = fields.TryGetValue("package-manager", out var pm) ? r.Scalar(pm, "package-manager") ?? "apt" : "apt";
            if (!PackageManagers.Contains(manager))
                r.Error(pm!, $"unsupported package-manager '{manager}'", Suggest.Hint(manager, PackageManagers));
            Bootstrap? bootstrap = null;
            if (fields.TryGetValue("bootstrap", out var bs))
            {
                var b = r.Mapping(bs, $"bootstrap of base '{name}'", BootstrapKeys).ToDictionary(e => e.Key, e => e.Value);
                string Get(string key, string fallback) => b.TryGetValue(key, out var n) ? r.Scalar(n, key) ?? fallback : fallback;
                if (!b.ContainsKey("suite")) r.Error(bs, $"bootstrap of base '{name}' needs 'suite' (e.g. bookworm)");
                bootstrap = new Bootstrap(
                    Get("suite", ""),
                    Get("mirror", "http://deb.debian.org/debian"),
                    Get("variant", "minbase"),
                    b.TryGetValue("components", out var c) ? r.StringList(c, "components") : ["main"]);
            }
            var requires = fields.TryGetValue("requires", out var rq) ? Requirements(r, rq, $"base '{name}': requires") : [];
            result[name] = new BaseImage(name, image, bootstrap, manager, r.At(keyNode)) { Requires = requires };
        }
        return result.ToImmutable();
    }

    private static void CheckBaseReferences(YamlReader r, ImmutableDictionary<string, BaseImage> bases, Facets defaults,
        ImmutableArray<Axis> axes, ImmutableArray<IncludeRule> includes, ImmutableArray<Override> overrides)
    {
        void Check(string? name, SourceSpan where)
        {
            if (name is not null && !bases.ContainsKey(name))
                r.Errors.Add(new(where, $"base '{name}' is not defined under 'bases'", Suggest.Hint(name, bases.Keys.Order())));
        }
        Check(defaults.Base, SourceSpan.None(r.File) with { Line = 1, Column = 1 });
        foreach (var value in axes.SelectMany(a => a.Values)) Check(value.Facets.Base, value.Where);
        foreach (var include in includes) Check(include.Facets.Base, include.Where);
        foreach (var o in overrides) Check(o.Facets.Base, o.Where);
    }
}
