using System.Collections.Immutable;

namespace RealmCi.Matrix;

/// <summary>One valid combination: value indices per axis, its Id, and facets an include added.</summary>
public sealed record Row(int[] Values, string Id, Facets? Included);

/// <summary>
/// Every valid combination of a matrix, in a deterministic order (the product in axis
/// order, then added includes in file order), with an index by Id.
/// </summary>
public sealed class ExpandedMatrix
{
    internal ExpandedMatrix(MatrixDefinition definition, List<Row> rows, int[] excludeHits, int[] includeTargets)
    {
        Definition = definition;
        Rows = rows;
        ExcludeHits = excludeHits;
        IncludeTargets = includeTargets;
        ById = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++) ById.TryAdd(rows[i].Id, i);
    }

    public MatrixDefinition Definition { get; }

    public ImmutableArray<Axis> Axes => Definition.Axes;

    public IReadOnlyList<Row> Rows { get; }

    public Dictionary<string, int> ById { get; }

    /// <summary>How many product rows each exclude rule removed (first matching rule counts).</summary>
    internal int[] ExcludeHits { get; }

    /// <summary>For each include, the index of the row it added or extended.</summary>
    internal int[] IncludeTargets { get; }

    public Row? Find(string id) => ById.TryGetValue(id, out var i) ? Rows[i] : null;

    /// <summary>The first constraint the row violates, if any.</summary>
    public Constraint? ViolatedConstraint(int[] row) => Definition.Constraints.FirstOrDefault(c => c.Violates(row));

    /// <summary>The first exclude rule matching the row, if any.</summary>
    public ExcludeRule? MatchingExclude(int[] row) => Definition.Excludes.FirstOrDefault(e => e.Match.Matches(row));
}
