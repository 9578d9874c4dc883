using System.Collections.Immutable;
using RealmCi.Errors;
using RealmCi.Matrix;

namespace RealmCi.Release;

/// <summary>
/// What a release refuses once the selection is known, before anything is built — the same for
/// <c>--dry-run</c> and the real run: an <c>--allow-missing</c> glob that matches none of the
/// release's configurations (a misspelt glob would let nothing go missing), and a configuration
/// whose GPU tests cannot run on this host (it names a GPU vendor, <c>requires: [gpu.nvidia]</c>,
/// that the host lacks): a release ships only binaries tested on their GPU. One that
/// <c>--allow-missing</c> covers is left out instead (not built; missing, with why).
/// </summary>
public static class ReleaseChecks
{
    public static void Check(Selection selection, ImmutableArray<string> allowMissing)
    {
        var ids = selection.Configurations.Select(c => c.Id).ToList();
        foreach (var glob in allowMissing)
            if (!ids.Any(id => Glob.Matches(glob, id)))
                throw new RealmCiException($"--allow-missing={glob} matches none of the release's {ids.Count} configuration(s) ({Sample(ids)}): check the glob", ExitCodes.InvalidInput);
        var blocked = Untestable(selection).Where(u => !allowMissing.Any(g => Glob.Matches(g, u.Key))).ToList();
        if (blocked.Count > 0)
            throw new RealmCiException($"{blocked[0].Key}: its GPU tests cannot run here ({blocked[0].Value})"
                + (blocked.Count > 1 ? $", nor can {blocked.Count - 1} more ({Sample(blocked.Skip(1).Select(b => b.Key).ToList())})" : "")
                + "; a release ships only binaries tested on their GPU: run it on a host with that GPU, or pass --allow-missing=GLOB to release without them",
                ExitCodes.ConfigurationUnavailable);
    }

    /// <summary>Configurations that name a GPU vendor this host lacks (Id → why), from the selection's availability.</summary>
    public static ImmutableSortedDictionary<string, string> Untestable(Selection selection) =>
        selection.Configurations
            .Where(c => selection.Availability.TryGetValue(c.Id, out var a) && a.GpuTestsSkipped is not null
                && Facets.Union(c.Base.Requires, c.Settings.Requires).Any(r => Requirement.GpuVendor(r) is not null))
            .ToImmutableSortedDictionary(c => c.Id, c => selection.Availability[c.Id].GpuTestsSkipped!, StringComparer.Ordinal);

    private static string Sample(IReadOnlyList<string> ids) => string.Join(", ", ids.Take(3)) + (ids.Count > 3 ? ", …" : "");
}
