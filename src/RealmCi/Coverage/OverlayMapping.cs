using RealmCi.Downstream;

namespace RealmCi.CodeCoverage;

/// <summary>Maps a path in the downstream's copy back to the Realm under test through the composition's overlay steps (null: not Realm's).</summary>
public static class OverlayMapping
{
    public static Func<string, string?> ToRealm(CompositionPlan plan, string realmRoot)
    {
        var root = realmRoot.TrimEnd('/') + "/";
        var pairs = plan.Steps.Where(s => s.Action == CompositionAction.Overlay && s.From.StartsWith(root, StringComparison.Ordinal))
            .Select(s => (To: s.To.TrimEnd('/'), From: s.From[root.Length..].TrimEnd('/'))).ToList();
        return path => pairs.FirstOrDefault(p => path == p.To || path.StartsWith(p.To + "/", StringComparison.Ordinal)) is { To: not null } hit
            ? hit.From + path[hit.To.Length..]
            : null;
    }

    /// <summary>Whether a path of the Realm under test (relative to its root) is one the overlay brings into the downstream (not Realm's tests, tools…).</summary>
    public static Func<string, bool> IsOverlaid(CompositionPlan plan, string realmRoot)
    {
        var root = realmRoot.TrimEnd('/') + "/";
        var from = plan.Steps.Where(s => s.Action == CompositionAction.Overlay && s.From.StartsWith(root, StringComparison.Ordinal))
            .Select(s => s.From[root.Length..].TrimEnd('/')).ToList();
        return path => from.Any(f => path == f || path.StartsWith(f + "/", StringComparison.Ordinal));
    }
}
