namespace RealmCi.Matrix;

/// <summary>
/// Applies a profile: keep the valid rows its <c>where</c>, <c>select</c> and <c>skip</c>
/// accept, choose among them by its coverage strategy (include rows are always kept), then
/// add the rows its <c>configs</c> list names. Returns row indices in expansion order.
/// With <c>keep</c> (<c>--only-available</c>) rows it rejects are dropped first, so the
/// strategy covers every value or pair that the kept rows have.
/// </summary>
public static class ProfileSelector
{
    public static List<int> Candidates(ExpandedMatrix matrix, Profile profile)
    {
        var result = new List<int>();
        for (var i = 0; i < matrix.Rows.Count; i++)
            if (Accepts(profile, matrix.Rows[i])) result.Add(i);
        return result;
    }

    public static bool Accepts(Profile profile, Row row) =>
        (profile.Where is null || profile.Where.Matches(row.Values))
        && (profile.Select.IsEmpty || profile.Select.Any(g => Glob.Matches(g, row.Id)))
        && !profile.Skip.Any(g => Glob.Matches(g, row.Id));

    /// <summary>Whether a profile filters at all (a list-only profile with no filter selects none by strategy).</summary>
    public static bool HasFilter(Profile profile) => profile.Where is not null || !profile.Select.IsEmpty || !profile.Skip.IsEmpty;

    public static List<int> Apply(ExpandedMatrix matrix, Profile profile, Func<int, bool>? keep = null)
    {
        var candidates = Candidates(matrix, profile);
        if (keep is not null && profile.Strategy != CoverageStrategy.None) candidates = candidates.Where(keep).ToList();
        var included = new HashSet<int>(matrix.IncludeTargets);
        var forced = candidates.Select((row, local) => (row, local)).Where(x => included.Contains(x.row)).Select(x => x.local);
        var chosen = Coverage.Choose(matrix.Axes, candidates.Select(i => matrix.Rows[i].Values).ToList(), profile.Strategy, forced);
        var result = new SortedSet<int>(chosen.Select(local => candidates[local]));
        foreach (var id in profile.Configs)
            if (matrix.ById.TryGetValue(id, out var index) && (keep is null || keep(index))) result.Add(index);
        return [.. result];
    }
}
