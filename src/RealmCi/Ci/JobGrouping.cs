using System.Collections.Immutable;
using RealmCi.Matrix;

namespace RealmCi.Ci;

/// <summary>
/// Turns a selection into CI jobs under a platform's cap, so that every configuration runs
/// exactly once and the same selection always gives the same jobs in the same order.
/// Up to <see cref="Caps.MaxJobs"/> configurations: one job each (<c>--config=ID</c>). Beyond
/// it: each runner gets a share of the cap in proportion to its configurations (at least one
/// job), and its configurations are split with <see cref="Shard.Assign"/> — as
/// <c>--shard=I/N</c> of the whole selection when one runner takes everything, else as
/// explicit <c>--config=ID</c> lists. Pure: no files, no processes.
/// </summary>
public static class JobGrouping
{
    /// <param name="placements">The selection in its order, each with its runner.</param>
    /// <param name="selectionArgs">Arguments that reproduce exactly this selection (e.g. <c>--profile=pr</c>), or empty when only explicit Ids can.</param>
    public static IReadOnlyList<CiJob> Group(IReadOnlyList<Placement> placements, ImmutableArray<string> selectionArgs, int maxJobs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxJobs, 1);
        // Build once, test many: a configuration whose runner has BuildOn is two jobs (build with --pack, test from it), so it counts twice against the cap.
        var split = placements.Count + placements.Count(p => p.Runner.BuildOn is not null) <= maxJobs;
        var jobs = placements.Count <= maxJobs
            ? placements.Select(p => new CiJob(p.Id, p.Runner, [$"--config={p.Id}"], [p.Id]) { BuildOn = split ? p.Runner.BuildOn : null }).ToList()
            : Sharded(placements, selectionArgs, maxJobs);
        Verify(placements, jobs, maxJobs);
        return jobs;
    }

    private static List<CiJob> Sharded(IReadOnlyList<Placement> placements, ImmutableArray<string> selectionArgs, int maxJobs)
    {
        var runners = placements.GroupBy(p => p.Runner.Name, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        if (runners.Count > maxJobs)
            throw new Errors.RealmCiException($"{runners.Count} kinds of runner but only {maxJobs} jobs allowed: merge runner rules in ci.yaml");
        var shares = Shares(runners.Select(r => r.Count).ToList(), placements.Count, maxJobs);
        var jobs = new List<CiJob>();
        for (var r = 0; r < runners.Count; r++)
        {
            var members = runners[r];
            var count = shares[r];
            var ids = members.Select(p => p.Id).ToList();
            var assignment = Shard.Assign(ids, count);
            var whole = runners.Count == 1 && !selectionArgs.IsEmpty;
            for (var s = 1; s <= count; s++)
            {
                var group = ids.Where((_, k) => assignment[k] == s).ToImmutableArray();
                ImmutableArray<string> args = whole ? [.. selectionArgs, $"--shard={s}/{count}"] : [.. group.Select(id => $"--config={id}")];
                jobs.Add(new CiJob(Name(group), members[0].Runner, args, group));
            }
        }
        return jobs;
    }

    /// <summary>
    /// A group's job name says what it runs: its one Id, two Ids joined by '+', or the first Id and
    /// how many more ('+' never occurs in an Id, and each Id is in one group, so names never clash).
    /// </summary>
    internal static string Name(IReadOnlyList<string> ids) => ids.Count switch
    {
        1 => ids[0],
        2 => $"{ids[0]}+{ids[1]}",
        _ => $"{ids[0]}+{ids.Count - 1}-more",
    };

    /// <summary>Jobs per runner: proportional to its configurations, at least one, the total at most the cap.</summary>
    internal static int[] Shares(IReadOnlyList<int> sizes, int total, int maxJobs)
    {
        var shares = sizes.Select(n => Math.Max(1, (int)((long)n * maxJobs / total))).ToArray();
        while (shares.Sum() > maxJobs)
        {
            var largest = Array.IndexOf(shares, shares.Max());
            shares[largest]--;
        }
        for (var r = 0; r < shares.Length; r++) shares[r] = Math.Min(shares[r], sizes[r]);
        return shares;
    }

    /// <summary>Every configuration in exactly one job, no job empty, no more jobs than the cap: a defect otherwise.</summary>
    private static void Verify(IReadOnlyList<Placement> placements, IReadOnlyList<CiJob> jobs, int maxJobs)
    {
        var placed = jobs.SelectMany(j => j.Ids).ToList();
        var expected = placements.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        if (jobs.Count > maxJobs || placed.Count != expected.Count || !expected.SetEquals(placed) || jobs.Any(j => j.Ids.IsEmpty))
            throw new InvalidOperationException($"job grouping placed {placed.Count} of {expected.Count} configurations in {jobs.Count} jobs (cap {maxJobs}): not exactly once");
    }
}
