using RealmCi.Errors;

namespace RealmCi.Matrix;

/// <summary>
/// Expands the product of the axes, drops combinations that violate a constraint, ask for two
/// bases (<see cref="BaseChoice"/>) or match an exclude rule, then adds (or extends) the include rows. Deterministic: the product is walked
/// with the last axis changing fastest.
/// </summary>
public static class MatrixExpander
{
    /// <summary>Beyond this the product is not enumerated; the file should exclude or split.</summary>
    public const long MaxProduct = 5_000_000;

    public static ExpandedMatrix Expand(MatrixDefinition definition)
    {
        var axes = definition.Axes;
        if (definition.ProductSize > MaxProduct)
            throw new MatrixException([new(axes[0].Where with { Line = 1, Column = 1 },
                $"the axes multiply to {definition.ProductSize:N0} combinations, more than the {MaxProduct:N0} this tool enumerates",
                "split the matrix into files, or narrow the axes")]);

        var rows = new List<Row>();
        var excludeHits = new int[definition.Excludes.Length];
        var constraints = definition.Constraints;
        var excludes = definition.Excludes;
        var current = new int[axes.Length];
        var sizes = axes.Select(a => a.Values.Length).ToArray();
        var baseChoice = new BaseChoice(axes);

        while (true)
        {
            if (Keep(current, constraints, baseChoice, excludes, excludeHits))
            {
                var values = (int[])current.Clone();
                rows.Add(new Row(values, ConfigurationId.Format(axes, values), null));
            }
            // Odometer: advance the last axis, carry to the left.
            var axis = axes.Length - 1;
            while (axis >= 0 && ++current[axis] == sizes[axis]) current[axis--] = 0;
            if (axis < 0) break;
        }

        var byId = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++) byId[rows[i].Id] = i;
        var includeTargets = new int[definition.Includes.Length];
        for (var i = 0; i < definition.Includes.Length; i++)
        {
            var include = definition.Includes[i];
            var id = ConfigurationId.Format(axes, include.Row);
            if (byId.TryGetValue(id, out var existing))
            {
                var row = rows[existing];
                rows[existing] = row with { Included = (row.Included ?? Facets.Empty).Then(include.Facets) };
                includeTargets[i] = existing;
            }
            else
            {
                byId[id] = rows.Count;
                includeTargets[i] = rows.Count;
                rows.Add(new Row(include.Row, id, include.Facets));
            }
        }
        return new ExpandedMatrix(definition, rows, excludeHits, includeTargets);
    }

    private static bool Keep(int[] row, IReadOnlyList<Constraint> constraints, BaseChoice baseChoice, IReadOnlyList<ExcludeRule> excludes, int[] excludeHits)
    {
        for (var c = 0; c < constraints.Count; c++)
            if (constraints[c].Violates(row)) return false;
        if (baseChoice.Conflicts(row)) return false;
        for (var e = 0; e < excludes.Count; e++)
        {
            if (!excludes[e].Match.Matches(row)) continue;
            excludeHits[e]++;
            return false;
        }
        return true;
    }
}
