using System.Collections.Immutable;

namespace RealmCi.Matrix;

/// <summary>
/// The matrix's conditions on facts read from the source: the facts (<c>facts:</c>) and the
/// overrides with a <c>when:</c>. They apply once the source is known — when the pipeline starts
/// on a checkout (the Realm under test, an ABI baseline, a bisection candidate: each its own
/// facts), before anything is built: each configuration whose Id an override's glob matches and
/// whose every condition holds gets its facets, after the unconditional overrides and below the
/// command line (<c>--define</c>, <c>--env</c> still win).
/// </summary>
public sealed record FactConditions(ImmutableArray<Override> Overrides, ImmutableDictionary<string, SourceFact> Facts)
{
    public static readonly FactConditions None = new([], ImmutableDictionary<string, SourceFact>.Empty);

    public static FactConditions Of(MatrixDefinition definition) => new([.. definition.Overrides.Where(o => !o.When.IsEmpty)], definition.Facts);

    public bool IsEmpty => Overrides.IsEmpty;

    /// <summary>The facts the overrides name, read in the project folder.</summary>
    public ImmutableDictionary<string, FactValue> Read(string project) =>
        SourceFact.ReadAll(Facts.Values.Where(f => Overrides.Any(o => o.When.ContainsKey(f.Name))), project);

    public BuildConfiguration Apply(BuildConfiguration c, IReadOnlyDictionary<string, FactValue> facts, Facets commandLine)
    {
        var settings = c.Settings;
        var applied = false;
        foreach (var o in Overrides.Where(o => Glob.Matches(o.Match, c.Id) && Holds(o, facts)))
        {
            settings = settings.Then(o.Facets);
            applied = true;
        }
        return applied ? c with { Settings = settings.Then(commandLine) } : c;
    }

    /// <summary>
    /// The selection with the conditional overrides applied; a configuration an <c>unsupported:</c>
    /// override holds for is unavailable (the reason, and each fact with its file and line).
    /// </summary>
    public Selection Apply(Selection selection, IReadOnlyDictionary<string, FactValue> facts, Facets commandLine)
    {
        if (IsEmpty) return selection;
        var availability = selection.Availability;
        foreach (var c in selection.Configurations)
            if (Unsupported(c.Id, facts) is { } why)
            {
                var unmet = new Unmet(why, $"build a source where that differs, or leave it out with --skip={c.Id}");
                var was = availability.GetValueOrDefault(c.Id) ?? new Availability([], null);
                availability = availability.SetItem(c.Id, was with { Unmet = was.Unmet.Add(unmet) });
            }
        return selection with { Configurations = [.. selection.Configurations.Select(c => Apply(c, facts, commandLine))], Availability = availability };
    }

    /// <summary>
    /// Why the source cannot be built in configuration <paramref name="id"/> (the first <c>unsupported:</c>
    /// override whose glob matches and whose facts hold: its reason, each fact with its file and line, the
    /// override's line), or null.
    /// </summary>
    public string? Unsupported(string id, IReadOnlyDictionary<string, FactValue> facts) =>
        UnsupportedBy(id, facts) is { } o
            ? $"the source is not supported: {o.Unsupported} ({string.Join("; ", o.When.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => facts[w.Key].Describe()))}; {o.Where})"
            : null;

    private Override? UnsupportedBy(string id, IReadOnlyDictionary<string, FactValue> facts) =>
        Overrides.FirstOrDefault(o => o.Unsupported is not null && Glob.Matches(o.Match, id) && Holds(o, facts));

    public static bool Holds(Override o, IReadOnlyDictionary<string, FactValue> facts) =>
        o.When.All(w => facts.TryGetValue(w.Key, out var v) && v.Holds == w.Value);

    /// <summary>
    /// --explain's lines for the conditional overrides that match <paramref name="id"/>: each
    /// condition with the fact's value and its evidence (file and line), and whether it applied;
    /// without a source (<paramref name="facts"/> null), how each fact would be read.
    /// </summary>
    public IEnumerable<string> Explain(string id, IReadOnlyDictionary<string, FactValue>? facts)
    {
        foreach (var o in Overrides.Where(o => Glob.Matches(o.Match, id)))
        {
            var what = Describe(o);
            if (facts is null)
            {
                yield return $"  conditional override at {o.Where} ({what}): decided by facts of the source (give --realm-source=PATH to read them):";
                foreach (var (name, wanted) in o.When.OrderBy(w => w.Key, StringComparer.Ordinal))
                    yield return $"    when {name} is {Text(wanted)}: {Facts[name].How}";
                continue;
            }
            yield return $"  conditional override at {o.Where} ({what}): {(Holds(o, facts) ? "applied" : "not applied")}:";
            foreach (var (name, wanted) in o.When.OrderBy(w => w.Key, StringComparer.Ordinal))
                yield return facts.TryGetValue(name, out var v)
                    ? $"    when {name} is {Text(wanted)}: {v.Describe()}{(v.Holds == wanted ? "" : " — decides: not applied")}"
                    : $"    when {name} is {Text(wanted)}: not read";
        }
        if (facts is not null && UnsupportedBy(id, facts) is { } unsupported)
            yield return $"=> from this source: unavailable ({unsupported.Unsupported}).";
    }

    private static string Text(bool value) => value ? "true" : "false";

    private static string Describe(Override o)
    {
        var f = o.Facets;
        List<string> parts = [];
        if (o.Unsupported is { } u) parts.Add($"unsupported: {u}");
        parts.AddRange(f.Cmake.Select(kv => $"-D{kv.Key}={kv.Value}"));
        parts.AddRange(f.Env.Select(kv => $"{kv.Key}={kv.Value}"));
        if (!f.Targets.IsDefaultOrEmpty) parts.Add($"targets: {string.Join(", ", f.Targets)}");
        if (!f.Packages.IsDefaultOrEmpty) parts.Add($"packages: {string.Join(", ", f.Packages)}");
        return parts.Count == 0 ? "no settings" : string.Join(" ", parts);
    }
}
