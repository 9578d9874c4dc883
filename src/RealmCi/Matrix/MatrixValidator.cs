namespace RealmCi.Matrix;

/// <summary>
/// The checks that need the expanded matrix: rules and profiles that match nothing,
/// includes that break a constraint or repeat a row, overrides that match no Id, and an
/// empty matrix. Every problem is returned, with its place in the file.
/// </summary>
public static class MatrixValidator
{
    public static List<Diagnostic> Validate(ExpandedMatrix matrix)
    {
        var d = matrix.Definition;
        var problems = new List<Diagnostic>();
        var axes = d.Axes;

        for (var i = 0; i < d.Excludes.Length; i++)
            if (matrix.ExcludeHits[i] == 0)
                problems.Add(new(d.Excludes[i].Where, $"exclude rule {d.Excludes[i].Match.Describe(axes)} removes no combination",
                    "every combination it matches is already removed by a constraint or an earlier exclude; delete it or fix its values"));

        foreach (var c in d.Constraints)
            if (!c.When.CanMatchAnything)
                problems.Add(new(c.Where, $"constraint 'when' {c.When.Describe(axes)} matches no combination"));

        var baseChoice = new BaseChoice(axes);
        var seen = new Dictionary<string, SourceSpan>();
        foreach (var include in d.Includes)
        {
            if (include.Row.Any(v => v < 0)) continue;
            var id = ConfigurationId.Format(axes, include.Row);
            if (seen.TryGetValue(id, out var first))
                problems.Add(new(include.Where, $"duplicate Id '{id}': the include at {first} adds the same configuration", "merge the two includes"));
            else seen[id] = include.Where;
            if (d.Constraints.FirstOrDefault(c => c.Violates(include.Row)) is { } broken)
                problems.Add(new(include.Where, $"include '{id}' breaks the constraint at {broken.Where}{(broken.Reason is null ? "" : $" ({broken.Reason})")}"));
            if (baseChoice.Describe(include.Row, include.Facets.Base) is { } bases)
                problems.Add(new(include.Where, $"include '{id}': {bases}", "a configuration is built on one base; change a value or the include's base"));
        }

        foreach (var o in d.Overrides)
            if (!matrix.Rows.Any(r => Glob.Matches(o.Match, r.Id)))
                problems.Add(new(o.Where, $"override match '{o.Match}' matches no configuration Id", Suggest.Hint(o.Match, matrix.Rows.Take(2000).Select(r => r.Id))));

        foreach (var q in d.Quarantine.Entries)
            if (!matrix.Rows.Any(r => Glob.Matches(q.Configs, r.Id)))
                problems.Add(new(q.Where, $"quarantine configs '{q.Configs}' matches no configuration Id", Suggest.Hint(q.Configs, matrix.Rows.Take(2000).Select(r => r.Id))));

        foreach (var profile in d.Profiles.Values.OrderBy(p => p.At.Line))
        {
            foreach (var id in profile.Configs)
                if (!matrix.ById.ContainsKey(id))
                    problems.Add(new(profile.At, $"profile '{profile.Name}' lists '{id}': {Explainer.WhyNotValid(matrix, id)}"));
            foreach (var glob in profile.Select.Concat(profile.Skip))
                if (!matrix.Rows.Any(r => Glob.Matches(glob, r.Id)))
                    problems.Add(new(profile.At, $"profile '{profile.Name}': glob '{glob}' matches no configuration Id"));
            var filtered = ProfileSelector.HasFilter(profile) || profile.Strategy != CoverageStrategy.None;
            if (filtered && ProfileSelector.Candidates(matrix, profile).Count == 0 && profile.Configs.IsEmpty)
                problems.Add(new(profile.At, $"profile '{profile.Name}' selects no configuration"));
        }

        if (matrix.Rows.Count == 0)
            problems.Add(new(new(d.File, 1, 1), "the matrix has no valid configuration: constraints and exclude rules remove every combination"));
        return problems;
    }
}
