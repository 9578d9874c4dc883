namespace RealmCi.Matrix;

/// <summary>
/// Says why a combination is or is not in a selection: which constraint or exclude rule
/// removed it, which include added it, which profile filter or strategy dropped it, and
/// which command-line filter or shard left it out.
/// </summary>
public static class Explainer
{
    /// <summary>For an Id that is not a valid configuration: why (bad Id, constraint, exclude).</summary>
    public static string WhyNotValid(ExpandedMatrix matrix, string id)
    {
        if (!ConfigurationId.TryParse(matrix.Axes, id, out var row, out var error)) return error!;
        var canonical = ConfigurationId.Format(matrix.Axes, row);
        if (canonical != id && matrix.ById.ContainsKey(canonical)) return $"not the canonical Id; use '{canonical}'";
        if (matrix.ViolatedConstraint(row) is { } c)
            return $"removed by the constraint at {c.Where}{(c.Reason is null ? "" : $": {c.Reason}")}";
        if (new BaseChoice(matrix.Axes).Describe(row) is { } bases)
            return $"removed because {bases} (one base per configuration)";
        if (matrix.MatchingExclude(row) is { } e)
            return $"removed by the exclude rule at {e.Where} {e.Match.Describe(matrix.Axes)}{(e.Reason is null ? "" : $": {e.Reason}")}";
        return "not a configuration of this matrix";
    }

    /// <summary>--explain with an Id that cannot name a row of this matrix (a mistyped value): invalid input, exit 2, before any probe.</summary>
    public static void CheckId(ExpandedMatrix matrix, string id)
    {
        if (!matrix.ById.ContainsKey(id) && !ConfigurationId.TryParse(matrix.Axes, id, out _, out var error))
            throw new Errors.RealmCiException($"--explain={id}: {error}");
    }

    public static IReadOnlyList<string> Explain(ExpandedMatrix matrix, SelectionOptions options, string id)
    {
        var lines = new List<string>();
        if (!matrix.ById.TryGetValue(id, out var index))
        {
            lines.Add($"{id}: not in the selection: {WhyNotValid(matrix, id)}.");
            return lines;
        }
        var row = matrix.Rows[index];
        lines.Add($"{id}: a valid configuration ({string.Join(", ", matrix.Axes.Select((a, i) => $"{a.Name}={a.Values[row.Values[i]].Name}"))}).");
        if (row.Included is not null)
        {
            var k = Array.IndexOf(matrix.IncludeTargets, index);
            lines.Add($"  added or extended by the include at {matrix.Definition.Includes[k].Where}.");
        }

        var here = RowAvailability.For(matrix, options);
        if (here is not null && !here.Keep(index))
            return Done(lines, $"left out by --only-available: {here.Describe(index).Availability.Describe()}.", false);
        if (here is not null) lines.Add("  available on this host.");
        else if (options.Offer is { } offer)
            lines.Add($"  on this host: {Availability.Of(ConfigurationResolver.Resolve(matrix, row, options.CommandLine), offer).Describe()}.");

        if (!options.Configs.IsEmpty)
        {
            if (!options.Configs.Contains(id)) return Done(lines, "not listed by --config.", false);
            lines.Add("  listed by --config.");
        }
        else if ((options.Profile ?? matrix.Definition.DefaultProfile) is { } name && matrix.Definition.Profiles.TryGetValue(name, out var profile))
        {
            if (!ExplainProfile(matrix, profile, index, lines, here)) return Done(lines, null, false);
        }
        else lines.Add("  no profile: every valid configuration is a candidate.");

        if (!options.Select.IsEmpty && !options.Select.Any(g => Glob.Matches(g, id)))
            return Done(lines, $"matches no --select glob ({string.Join(", ", options.Select)}).", false);
        if (options.Skip.FirstOrDefault(g => Glob.Matches(g, id)) is { } skip)
            return Done(lines, $"matches --skip={skip}.", false);

        if (options.Shard is { } shard)
        {
            var (_, rows) = Selector.Base(matrix, options, here);
            rows = rows.Where(i => (options.Select.IsEmpty || options.Select.Any(g => Glob.Matches(g, matrix.Rows[i].Id)))
                && !options.Skip.Any(g => Glob.Matches(g, matrix.Rows[i].Id))).ToList();
            var assigned = Shard.Assign(rows.Select(i => matrix.Rows[i].Id).ToList(), shard.Count)[rows.IndexOf(index)];
            if (assigned != shard.Index) return Done(lines, $"belongs to shard {assigned}/{shard.Count}, not {shard}.", false);
            lines.Add($"  belongs to shard {shard}.");
        }
        return Done(lines, null, true);
    }

    private static bool ExplainProfile(ExpandedMatrix matrix, Profile profile, int index, List<string> lines, RowAvailability? here)
    {
        var row = matrix.Rows[index];
        if (profile.Configs.Contains(row.Id))
        {
            lines.Add($"  listed under configs of profile '{profile.Name}' ({profile.At}).");
            return true;
        }
        if (!ProfileSelector.Accepts(profile, row))
        {
            lines.Add($"  dropped by the where/select/skip filter of profile '{profile.Name}' ({profile.At}).");
            return false;
        }
        if (profile.Strategy == CoverageStrategy.All)
        {
            lines.Add($"  a candidate of profile '{profile.Name}', whose strategy 'all' keeps every candidate.");
            return true;
        }
        var chosen = ProfileSelector.Apply(matrix, profile, here is null ? null : here.Keep);
        var strategy = profile.Strategy.ToString().ToLowerInvariant();
        if (chosen.Contains(index))
        {
            lines.Add($"  chosen by the '{strategy}' strategy of profile '{profile.Name}' ({chosen.Count} configurations cover it).");
            return true;
        }
        lines.Add(profile.Strategy == CoverageStrategy.None
            ? $"  profile '{profile.Name}' lists its configurations and this is not one of them."
            : $"  not needed by the '{strategy}' strategy of profile '{profile.Name}': the {chosen.Count} chosen configurations already cover every {(profile.Strategy == CoverageStrategy.Pairwise ? "pair of values" : "value")} it has.");
        return false;
    }

    private static IReadOnlyList<string> Done(List<string> lines, string? reason, bool selected)
    {
        if (reason is not null) lines.Add($"  {reason}");
        lines.Add(selected ? "=> selected." : "=> not selected.");
        return lines;
    }
}
