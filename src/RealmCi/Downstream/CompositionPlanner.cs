using System.Collections.Immutable;

namespace RealmCi.Downstream;

/// <summary>What the planner needs to know about the trees, gathered by the caller (so planning reads nothing).</summary>
public sealed record ComposeInputs(
    string RealmRoot,
    string DownstreamRoot,
    bool DownstreamIsGit,
    ImmutableArray<string> PatchFiles,
    string Destination,
    Func<string, bool> RealmHas)
{
    /// <summary>Install composition: each configuration's Realm install tree (Id → host folder).</summary>
    public ImmutableSortedDictionary<string, string> RealmInstalls { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
}

/// <summary>
/// Plans a downstream's composition with the Realm under test. Pure: the same project and
/// inputs give the same plan. Checkout of the pinned ref (or a copy of a plain folder), the
/// patches in order, then the overlay (the first existing <c>from</c> of each entry) or each
/// configuration's Realm install tree (under <c>.realm-install/ID</c>). Per-configuration CMake
/// definitions (inherited ones, the install variable) are <see cref="DownstreamConfiguration"/>'s.
/// </summary>
public static class CompositionPlanner
{
    public static CompositionPlan Plan(DownstreamProject d, ComposeInputs i)
    {
        var steps = ImmutableArray.CreateBuilder<CompositionStep>();
        var problems = ImmutableArray.CreateBuilder<string>();
        var realmPaths = ImmutableArray.CreateBuilder<string>();
        steps.Add(i.DownstreamIsGit
            ? new CompositionStep(CompositionAction.Checkout, i.DownstreamRoot, "", d.Ref)
            : new CompositionStep(CompositionAction.Copy, i.DownstreamRoot, ""));
        steps.AddRange(i.PatchFiles.Select(p => new CompositionStep(CompositionAction.Patch, p, "")));


        if (d.Compose.IsInstall)
        {
            if (i.RealmInstalls.IsEmpty) problems.Add($"{d.Name}: install composition needs the Realm under test installed first, and no configuration's install step passed");
            steps.AddRange(i.RealmInstalls.Select(kv => new CompositionStep(CompositionAction.Install, kv.Value, $"{CompositionPlan.InstallFolder}/{kv.Key}")));
        }
        foreach (var entry in d.Compose.Overlay)
        {
            var from = entry.From.FirstOrDefault(f => i.RealmHas(f.TrimEnd('/')));
            if (from is null)
            {
                problems.Add($"{d.Name}: the Realm under test ({i.RealmRoot}) has none of {string.Join(", ", entry.From)} (overlay onto {entry.To})");
                continue;
            }
            steps.Add(new CompositionStep(CompositionAction.Overlay, $"{i.RealmRoot.TrimEnd('/')}/{from.TrimEnd('/')}", entry.To.TrimEnd('/')));
            realmPaths.Add(entry.To);
        }
        return new CompositionPlan(d.Name, d.Compose.Kind, i.Destination, steps.ToImmutable(), d.Cmake, realmPaths.ToImmutable(), problems.ToImmutable());
    }
}
