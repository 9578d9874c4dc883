using System.Collections.Immutable;
using RealmCi.Matrix;

namespace RealmCi.Ci;

/// <summary>One profile's pipeline: when it runs and its jobs (none: the selection is empty).</summary>
public sealed record ProfilePlan(string Profile, ImmutableArray<Trigger> Triggers, IReadOnlyList<CiJob> Jobs, string Description);

/// <summary>Computes a profile's jobs from the matrix, the settings and the platform's caps.</summary>
public static class CiPlanner
{
    public static ProfilePlan Plan(ExpandedMatrix matrix, CiSettings settings, SelectionOptions options, string profile, Caps caps)
    {
        var selection = options with { Profile = profile, Shard = null };
        var (source, rows) = Selector.Base(matrix, selection);
        if (!selection.Select.IsEmpty) rows = rows.Where(i => selection.Select.Any(g => Glob.Matches(g, matrix.Rows[i].Id))).ToList();
        if (!selection.Skip.IsEmpty) rows = rows.Where(i => !selection.Skip.Any(g => Glob.Matches(g, matrix.Rows[i].Id))).ToList();
        var placements = rows.Select(i => new Placement(matrix.Rows[i].Id, RunnerChoice.For(settings, matrix.Rows[i].Id, Axes(matrix, matrix.Rows[i])))).ToList();
        ImmutableArray<string> selectionArgs = selection.Configs.IsEmpty
            ? [$"--profile={profile}", .. selection.Select.Select(g => $"--select={g}"), .. selection.Skip.Select(g => $"--skip={g}")]
            : [];
        var triggers = settings.Triggers.TryGetValue(profile, out var t) ? t : [];
        return new ProfilePlan(profile, triggers, JobGrouping.Group(placements, selectionArgs, caps.MaxJobs), $"{source}: {placements.Count} configuration(s)");
    }

    /// <summary>The profiles to generate: those asked for, else every profile of the matrix that has a trigger.</summary>
    public static IReadOnlyList<string> Profiles(ExpandedMatrix matrix, CiSettings settings, IReadOnlyList<string> asked)
    {
        if (asked.Count > 0) return asked.Distinct(StringComparer.Ordinal).ToList();
        var profiles = matrix.Definition.Profiles.Keys.Where(p => settings.Triggers.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        if (profiles.Count > 0) return profiles;
        return [matrix.Definition.DefaultProfile ?? throw new Errors.RealmCiException($"{matrix.Definition.File}: no profile to generate CI for: give --profile=NAME or name profiles under ci.triggers in ci.yaml")];
    }

    private static Dictionary<string, string> Axes(ExpandedMatrix matrix, Row row) =>
        matrix.Axes.Select((axis, a) => KeyValuePair.Create(axis.Name, axis.Values[row.Values[a]].Name)).ToDictionary(StringComparer.Ordinal);
}
