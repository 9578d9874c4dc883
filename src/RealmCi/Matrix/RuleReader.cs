using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace RealmCi.Matrix;

/// <summary>Reads the parts of a matrix file that refer to axes: rules and profiles.</summary>
internal sealed class RuleReader(YamlReader r, ImmutableArray<Axis> axes)
{
    private readonly string[] axisNames = axes.Select(a => a.Name).ToArray();

    public ImmutableArray<ExcludeRule> Excludes(YamlNode node) => Items(node, "exclude", item =>
    {
        var entries = r.Mapping(item, "an exclude rule", [.. axisNames, "reason"]);
        var pattern = Pattern(item, entries.Where(e => e.Key != "reason"), "an exclude rule");
        if (pattern.Conditions.IsEmpty) r.Error(item, "an exclude rule must name at least one axis", $"axes: {string.Join(", ", axisNames)}");
        return new ExcludeRule(pattern, Reason(entries), r.At(item));
    });

    public ImmutableArray<Constraint> Constraints(YamlNode node) => Items(node, "constraints", item =>
    {
        var fields = r.Mapping(item, "a constraint", MatrixLoader.ConstraintKeys).ToDictionary(e => e.Key, e => e.Value);
        RowPattern? Part(string key) => fields.TryGetValue(key, out var n)
            ? Pattern(n, r.Mapping(n, $"'{key}' of a constraint", axisNames), $"'{key}' of a constraint") : null;
        var when = Part("when");
        var require = Part("require");
        var forbid = Part("forbid");
        if (when is null) r.Error(item, "a constraint needs 'when: {axis: value}'");
        if (require is null && forbid is null) r.Error(item, "a constraint needs 'require' or 'forbid'");
        var reason = fields.TryGetValue("reason", out var reasonNode) ? r.Scalar(reasonNode, "reason") : null;
        return new Constraint(when ?? new RowPattern([], r.At(item)), require, forbid, reason, r.At(item));
    });

    public ImmutableArray<IncludeRule> Includes(YamlNode node) => Items(node, "include", item =>
    {
        var entries = r.Mapping(item, "an include", [.. axisNames, .. MatrixLoader.FacetKeys]);
        var row = new int[axes.Length];
        for (var i = 0; i < axes.Length; i++)
        {
            var entry = entries.FirstOrDefault(e => e.Key == axes[i].Name);
            if (entry.Value is null)
            {
                if (axes[i].Default is { } d) { row[i] = d; continue; }
                r.Error(item, $"an include must give a value for axis '{axes[i].Name}' (it has no default)");
                row[i] = -1;
                continue;
            }
            var value = r.Scalar(entry.Value, axes[i].Name);
            row[i] = value is null ? -1 : axes[i].IndexOf(value);
            if (value is not null && row[i] < 0)
                r.Error(entry.Value, $"'{value}' is not a value of axis '{axes[i].Name}'", Suggest.Hint(value, axes[i].Values.Select(v => v.Name)));
        }
        var facets = MatrixLoader.ReadFacets(r, item, "an include", MatrixLoader.FacetKeys, skipUnknown: true);
        return new IncludeRule(row, facets, r.At(item));
    });

    public ImmutableDictionary<string, Profile> Profiles(YamlNode node)
    {
        var result = ImmutableDictionary.CreateBuilder<string, Profile>();
        foreach (var (name, keyNode, value) in r.Mapping(node, "profiles"))
        {
            var fields = r.Mapping(value, $"profile '{name}'", MatrixLoader.ProfileKeys).ToDictionary(e => e.Key, e => e.Value);
            ImmutableArray<string> List(string key) => fields.TryGetValue(key, out var n) ? r.StringList(n, $"{key} of profile '{name}'") : [];
            var configs = List("configs");
            var strategy = configs.IsEmpty ? CoverageStrategy.All : CoverageStrategy.None;
            if (fields.TryGetValue("strategy", out var s) && r.Scalar(s, "strategy") is { } text)
            {
                if (Enum.TryParse<CoverageStrategy>(text, ignoreCase: true, out var parsed) && text == text.ToLowerInvariant()) strategy = parsed;
                else r.Error(s, $"unknown strategy '{text}'", Suggest.Hint(text, ["all", "each", "pairwise", "none"]));
            }
            var where = fields.TryGetValue("where", out var w) ? Pattern(w, r.Mapping(w, $"'where' of profile '{name}'", axisNames), "where") : null;
            result[name] = new Profile(name, fields.TryGetValue("description", out var d) ? r.Scalar(d, "description") : null,
                strategy, where, List("select"), List("skip"), configs, r.At(keyNode));
        }
        return result.ToImmutable();
    }

    private ImmutableArray<T> Items<T>(YamlNode node, string what, Func<YamlNode, T> read)
    {
        if (node is not YamlSequenceNode list) { r.Error(node, $"{what} must be a list"); return []; }
        return [.. list.Children.Select(read)];
    }

    private static string? Reason(List<(string Key, YamlNode KeyNode, YamlNode Value)> entries) =>
        entries.FirstOrDefault(e => e.Key == "reason").Value is YamlScalarNode s ? s.Value : null;

    /// <summary>
    /// Axis conditions. A condition is a value or list of values; each may be a glob and may
    /// start with '!' to exclude. A value matches when some positive pattern matches (or
    /// there is none) and no negative one does. A pattern that matches no value is an error.
    /// </summary>
    private RowPattern Pattern(YamlNode at, IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> entries, string what)
    {
        var conditions = ImmutableArray.CreateBuilder<AxisCondition>();
        foreach (var (key, _, value) in entries)
        {
            var axisIndex = Array.IndexOf(axisNames, key);
            if (axisIndex < 0) continue;
            var axis = axes[axisIndex];
            var patterns = r.StringList(value, $"{key} in {what}");
            var accepts = new bool[axis.Values.Length];
            var positives = patterns.Where(p => !p.StartsWith('!')).ToList();
            foreach (var pattern in patterns)
            {
                var bare = pattern.TrimStart('!');
                if (!axis.Values.Any(v => Glob.Matches(bare, v.Name)))
                    r.Error(value, $"'{bare}' matches no value of axis '{axis.Name}'", Suggest.Hint(bare, axis.Values.Select(v => v.Name)));
            }
            for (var v = 0; v < accepts.Length; v++)
            {
                var name = axis.Values[v].Name;
                accepts[v] = (positives.Count == 0 || positives.Any(p => Glob.Matches(p, name)))
                    && !patterns.Any(p => p.StartsWith('!') && Glob.Matches(p[1..], name));
            }
            conditions.Add(new AxisCondition(axisIndex, patterns, accepts));
        }
        return new RowPattern(conditions.ToImmutable(), r.At(at));
    }
}
