using System.Collections.Immutable;
using RealmCi.Errors;

namespace RealmCi.Matrix;

/// <summary>What the command line asks for. Empty lists mean "not given".</summary>
public sealed record SelectionOptions
{
    public string? Profile { get; init; }
    public ImmutableArray<string> Configs { get; init; } = [];
    public ImmutableArray<string> Select { get; init; } = [];
    public ImmutableArray<string> Skip { get; init; } = [];
    public Shard? Shard { get; init; }

    /// <summary>The command line's settings layer (<c>--define</c>, <c>--env</c>).</summary>
    public Facets CommandLine { get; init; } = Facets.Empty;
}

/// <summary>The outcome of selection: the configurations to run, in expansion order.</summary>
public sealed record Selection(string Source, IReadOnlyList<BuildConfiguration> Configurations, int ValidCount);

/// <summary>
/// Selects configurations: <c>--config</c> Ids if given, else the profile (the named one, the
/// file's default-profile, or every valid row); then <c>--select</c>/<c>--skip</c> globs on
/// Ids; then <c>--shard</c>. An empty result is an error (exit 2), never a silent success.
/// </summary>
public static class Selector
{
    public static Selection Select(ExpandedMatrix matrix, SelectionOptions options)
    {
        var (source, rows) = Base(matrix, options);
        if (!options.Select.IsEmpty) rows = rows.Where(i => options.Select.Any(g => Glob.Matches(g, matrix.Rows[i].Id))).ToList();
        if (!options.Skip.IsEmpty) rows = rows.Where(i => !options.Skip.Any(g => Glob.Matches(g, matrix.Rows[i].Id))).ToList();
        if (rows.Count == 0)
            throw new RealmCiException($"the selection is empty: {source}{Filters(options)} selects no configuration (try --target=Matrix with --explain=ID to see why)");
        var description = source + Filters(options);
        if (options.Shard is { } shard)
        {
            var assignment = Shard.Assign(rows.Select(i => matrix.Rows[i].Id).ToList(), shard.Count);
            rows = rows.Where((_, k) => assignment[k] == shard.Index).ToList();
            description += $", shard {shard}";
        }
        var configurations = rows.Select(i => ConfigurationResolver.Resolve(matrix, matrix.Rows[i], options.CommandLine)).ToList();
        return new Selection(description, configurations, matrix.Rows.Count);
    }

    internal static (string Source, List<int> Rows) Base(ExpandedMatrix matrix, SelectionOptions options)
    {
        if (!options.Configs.IsEmpty)
        {
            var rows = new List<int>();
            foreach (var id in options.Configs)
            {
                if (matrix.ById.TryGetValue(id, out var index)) { if (!rows.Contains(index)) rows.Add(index); continue; }
                throw new RealmCiException($"--config={id}: {Explainer.WhyNotValid(matrix, id)}");
            }
            return ("--config", rows);
        }
        var name = options.Profile ?? matrix.Definition.DefaultProfile;
        if (name is null) return ("every valid configuration", [.. Enumerable.Range(0, matrix.Rows.Count)]);
        if (!matrix.Definition.Profiles.TryGetValue(name, out var profile))
            throw new RealmCiException($"--profile={name}: no such profile in {matrix.Definition.File} ({Suggest.Hint(name, matrix.Definition.Profiles.Keys.Order())})");
        return ($"profile '{name}' ({profile.Strategy.ToString().ToLowerInvariant()})", ProfileSelector.Apply(matrix, profile));
    }

    private static string Filters(SelectionOptions o) =>
        (o.Select.IsEmpty ? "" : $", --select={string.Join(",", o.Select)}") + (o.Skip.IsEmpty ? "" : $", --skip={string.Join(",", o.Skip)}");
}
