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

    /// <summary>What this host offers; when given, every selected configuration's availability is evaluated.</summary>
    public HostOffer? Offer { get; init; }

    /// <summary><c>--only-available</c>: drop configurations <see cref="Offer"/> cannot meet before the coverage strategy chooses.</summary>
    public bool OnlyAvailable { get; init; }
}

/// <summary>A configuration the selection would have had, left out because this host cannot offer what it needs.</summary>
public sealed record LeftOut(BuildConfiguration Configuration, Availability Availability);

/// <summary>The outcome of selection: the configurations to run, in expansion order.</summary>
public sealed record Selection(string Source, IReadOnlyList<BuildConfiguration> Configurations, int ValidCount)
{
    /// <summary>With an offer: each selected configuration's availability, by Id.</summary>
    public ImmutableDictionary<string, Availability> Availability { get; init; } = ImmutableDictionary<string, Availability>.Empty;

    /// <summary>With <c>--only-available</c>: the candidates left out as unavailable here, with what they miss.</summary>
    public ImmutableArray<LeftOut> Unavailable { get; init; } = [];
}

/// <summary>
/// Selects configurations: <c>--config</c> Ids if given, else the profile (the named one, the
/// file's default-profile, or every valid row); then <c>--select</c>/<c>--skip</c> globs on
/// Ids; then <c>--shard</c>. An empty result is an error (exit 5, <see cref="EmptySelectionException"/>), never a silent success.
/// With <c>--only-available</c>, rows the host's offer cannot meet are dropped before the
/// profile's strategy chooses; when that leaves nothing, the exit code is 4.
/// </summary>
public static class Selector
{
    public static Selection Select(ExpandedMatrix matrix, SelectionOptions options)
    {
        var here = RowAvailability.For(matrix, options);
        var (source, rows) = Base(matrix, options, here);
        bool Kept(int i) => (options.Select.IsEmpty || options.Select.Any(g => Glob.Matches(g, matrix.Rows[i].Id)))
            && !options.Skip.Any(g => Glob.Matches(g, matrix.Rows[i].Id));
        rows = rows.Where(Kept).ToList();
        var leftOut = here?.LeftOut.Where(Kept).Select(here.Describe).ToImmutableArray() ?? [];
        if (rows.Count == 0 && !leftOut.IsEmpty)
            throw new RealmCiException($"every configuration of {source}{Filters(options)} is unavailable on this host: "
                + string.Join("; ", leftOut.Take(3).Select(l => $"{l.Configuration.Id}: {string.Join(", ", l.Availability.Unmet)}"))
                + (leftOut.Length > 3 ? $"; and {leftOut.Length - 3} more" : ""), ExitCodes.ConfigurationUnavailable);
        if (rows.Count == 0)
            throw new EmptySelectionException($"the selection is empty: {source}{Filters(options)} selects no configuration (try --target=Matrix with --explain=ID to see why)");
        var description = source + Filters(options) + (here is null ? "" : $", --only-available ({leftOut.Length} unavailable here left out)");
        if (options.Shard is { } shard)
        {
            var assignment = Shard.Assign(rows.Select(i => matrix.Rows[i].Id).ToList(), shard.Count);
            rows = rows.Where((_, k) => assignment[k] == shard.Index).ToList();
            description += $", shard {shard}";
        }
        var configurations = rows.Select(i => ConfigurationResolver.Resolve(matrix, matrix.Rows[i], options.CommandLine)).ToList();
        var availability = options.Offer is { } offer
            ? configurations.ToImmutableDictionary(c => c.Id, c => Matrix.Availability.Of(c, offer))
            : ImmutableDictionary<string, Availability>.Empty;
        return new Selection(description, configurations, matrix.Rows.Count) { Availability = availability, Unavailable = leftOut };
    }

    internal static (string Source, List<int> Rows) Base(ExpandedMatrix matrix, SelectionOptions options, RowAvailability? here = null)
    {
        if (!options.Configs.IsEmpty)
        {
            var rows = new List<int>();
            foreach (var id in options.Configs)
            {
                if (matrix.ById.TryGetValue(id, out var index)) { if (!rows.Contains(index)) rows.Add(index); continue; }
                throw new RealmCiException($"--config={id}: {Explainer.WhyNotValid(matrix, id)}");
            }
            return ("--config", here is null ? rows : rows.Where(here.Keep).ToList());
        }
        var name = options.Profile ?? matrix.Definition.DefaultProfile;
        if (name is null)
            return ("every valid configuration", [.. Enumerable.Range(0, matrix.Rows.Count).Where(i => here?.Keep(i) ?? true)]);
        if (!matrix.Definition.Profiles.TryGetValue(name, out var profile))
            throw new RealmCiException($"--profile={name}: no such profile in {matrix.Definition.File} ({Suggest.Hint(name, matrix.Definition.Profiles.Keys.Order())})");
        return ($"profile '{name}' ({profile.Strategy.ToString().ToLowerInvariant()})", ProfileSelector.Apply(matrix, profile, here is null ? null : here.Keep));
    }

    private static string Filters(SelectionOptions o) =>
        (o.Select.IsEmpty ? "" : $", --select={string.Join(",", o.Select)}") + (o.Skip.IsEmpty ? "" : $", --skip={string.Join(",", o.Skip)}");
}
