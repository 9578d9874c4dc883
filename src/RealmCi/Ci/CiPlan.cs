using System.Collections.Immutable;
using RealmCi.Matrix;

namespace RealmCi.Ci;

/// <summary>
/// One profile's pipeline at one trust level: when it runs, its jobs (none: the selection is
/// empty), and the configurations left out because they need a self-hosted runner.
/// </summary>
public sealed record ProfilePlan(string Profile, ImmutableArray<Trigger> Triggers, IReadOnlyList<CiJob> Jobs, string Description)
{
    public Trust Trust { get; init; } = Trust.Trusted;

    /// <summary>Configurations an untrusted pipeline leaves to the approved one (they need a self-hosted runner).</summary>
    public ImmutableArray<string> AwaitingApproval { get; init; } = [];

    /// <summary>Configurations left out because the source under test cannot be built in them (<c>--plan</c> with a source), with why.</summary>
    public ImmutableArray<(string Id, string Why)> Unsupported { get; init; } = [];
}

/// <summary>Computes a profile's jobs from the matrix, the settings and the platform's caps.</summary>
public static class CiPlanner
{
    /// <param name="unsupported">Configurations the source under test cannot be built in (Id → why; a matrix override's
    /// <c>unsupported:</c>, from the facts of the checkout <c>--plan</c> runs in): left out, and the jobs name Ids.</param>
    public static ProfilePlan Plan(ExpandedMatrix matrix, CiSettings settings, SelectionOptions options, string profile, Caps caps, Trust trust = Trust.Trusted,
        IReadOnlyDictionary<string, string>? unsupported = null)
    {
        var selection = options with { Profile = profile, Shard = null };
        var (source, rows) = Selector.Base(matrix, selection);
        if (!selection.Select.IsEmpty) rows = rows.Where(i => selection.Select.Any(g => Glob.Matches(g, matrix.Rows[i].Id))).ToList();
        if (!selection.Skip.IsEmpty) rows = rows.Where(i => !selection.Skip.Any(g => Glob.Matches(g, matrix.Rows[i].Id))).ToList();
        ImmutableArray<string> leftOut = unsupported is null ? [] : [.. rows.Select(i => matrix.Rows[i].Id).Where(unsupported.ContainsKey)];
        if (!leftOut.IsEmpty) rows = rows.Where(i => !unsupported!.ContainsKey(matrix.Rows[i].Id)).ToList();
        var target = settings.TargetOf(profile);
        var all = rows.Select(i => Place(settings, matrix.Rows[i].Id, Axes(matrix, matrix.Rows[i])))
            .Select(p => target == "Test" ? p : p with { Runner = p.Runner with { BuildOn = null } }) // a canary or a release builds where it runs: no packs
            .ToList();
        var placements = all.Where(p => trust.Allows(p.Runner)).ToList();
        var awaiting = all.Where(p => !trust.Allows(p.Runner)).Select(p => p.Id).ToImmutableArray();
        // Leaving configurations out makes the profile's own selection arguments select too much: name Ids instead.
        ImmutableArray<string> selectionArgs = selection.Configs.IsEmpty && awaiting.IsEmpty && leftOut.IsEmpty
            ? [$"--profile={profile}", .. selection.Select.Select(g => $"--select={g}"), .. selection.Skip.Select(g => $"--skip={g}")]
            : [];
        var triggers = settings.Triggers.TryGetValue(profile, out var t) ? t : [];
        var description = $"{source}: {placements.Count} configuration(s)" + (awaiting.IsEmpty ? "" : $"; {awaiting.Length} on self-hosted runners wait for an approved commit")
            + (leftOut.IsEmpty ? "" : $"; {leftOut.Length} the source cannot be built in (unsupported:)");
        // A canary and a release run only on trusted refs, and a release leaves nothing out: an untrusted
        // pipeline (an unprotected GitLab ref) gets no job of theirs at all.
        var jobs = target != "Test" && trust == Trust.Untrusted ? []
            : target == "Release" ? (awaiting.IsEmpty ? ReleaseJob(placements, selection, profile) : []) : JobGrouping.Group(placements, selectionArgs, caps.MaxJobs);
        return new ProfilePlan(profile, triggers, jobs, description)
        {
            Trust = trust, AwaitingApproval = awaiting,
            Unsupported = [.. leftOut.Select(id => (id, unsupported![id]))],
        };
    }

    /// <summary>
    /// A release is one job: one source package, every configuration built, tested and packaged from
    /// it. It runs on the runner with the most disk among those its configurations build on (the
    /// largest build fits; for Realm, the NVIDIA runner, where the CUDA binaries' GPU tests run too).
    /// </summary>
    private static IReadOnlyList<CiJob> ReleaseJob(IReadOnlyList<Placement> placements, SelectionOptions selection, string profile)
    {
        if (placements.Count == 0) return [];
        var runner = placements.Select(p => p.Runner).OrderByDescending(r => r.DiskGb ?? 0).First();
        ImmutableArray<string> args = selection.Configs.IsEmpty
            ? [$"--profile={profile}", .. selection.Select.Select(g => $"--select={g}"), .. selection.Skip.Select(g => $"--skip={g}")]
            : [.. placements.Select(p => $"--config={p.Id}")];
        return [new CiJob("release", runner, args, [.. placements.Select(p => p.Id)])];
    }

    /// <summary>The profiles to generate: those asked for, else every profile of the matrix that has a trigger.</summary>
    public static IReadOnlyList<string> Profiles(ExpandedMatrix matrix, CiSettings settings, IReadOnlyList<string> asked)
    {
        if (asked.Count > 0) return asked.Distinct(StringComparer.Ordinal).ToList();
        var profiles = matrix.Definition.Profiles.Keys.Where(p => settings.Triggers.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        if (profiles.Count > 0) return profiles;
        return [matrix.Definition.DefaultProfile ?? throw new Errors.RealmCiException($"{matrix.Definition.File}: no profile to generate CI for: give --profile=NAME or name profiles under ci.triggers in ci.yaml")];
    }

    /// <summary>The configuration's runner, with the builder its disk need fits (the first <c>build-on</c> candidate that fits; none: it builds where it tests).</summary>
    private static Placement Place(CiSettings settings, string id, Dictionary<string, string> axes)
    {
        var runner = RunnerChoice.For(settings, id, axes);
        var need = settings.DiskNeeds.FirstOrDefault(d => RunnerChoice.Matches(d.Axes, d.Id, id, axes))?.Gb;
        if (runner.BuildOnCandidates.IsEmpty && runner.BuildOn is null)
            return runner.Fits(need) ? new Placement(id, runner) : throw NoRoom(id, need, [runner]);
        var builder = runner.BuildOnCandidates.FirstOrDefault(b => b.Fits(need));
        if (builder is null && !runner.Fits(need)) throw NoRoom(id, need, [.. runner.BuildOnCandidates, runner]);
        return new Placement(id, runner with { BuildOn = builder });
    }

    private static Errors.RealmCiException NoRoom(string id, int? need, IEnumerable<Runner> runners) =>
        new($"ci.yaml: {id} needs {need} GB of disk to build, but no runner it may build on has that much ({string.Join(", ", runners.Select(r => $"{r.Name}: {r.DiskGb} GB"))}); add a runner with more disk to its build-on", Errors.ExitCodes.InvalidInput);

    private static Dictionary<string, string> Axes(ExpandedMatrix matrix, Row row) =>
        matrix.Axes.Select((axis, a) => KeyValuePair.Create(axis.Name, axis.Values[row.Values[a]].Name)).ToDictionary(StringComparer.Ordinal);
}
