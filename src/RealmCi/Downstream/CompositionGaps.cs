using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace RealmCi.Downstream;

/// <summary>A macro one generated-header template defines and the other does not (<see cref="InRealmOnly"/>: the downstream's build never defines it).</summary>
public sealed record MacroGap(string Macro, bool InRealmOnly, string RealmTemplate, string DownstreamTemplate)
{
    public override string ToString() => InRealmOnly
        ? $"{Macro}: defined by the Realm under test's {RealmTemplate}, not by the downstream's {DownstreamTemplate} (which the composed build uses)"
        : $"{Macro}: defined by the downstream's {DownstreamTemplate} only (the Realm under test's {RealmTemplate} dropped it)";
}

/// <summary>
/// What an overlay composition takes from the downstream rather than from the Realm under test, found by
/// looking: macros of the generated headers (<see cref="GeneratedHeader"/>) one side defines and the other
/// does not, and the overlay's sources the downstream compiled (<see cref="Compiled"/>) or never did
/// (<see cref="NotCompiled"/>), paths relative to the copy. <see cref="FailureDiagnosis"/> reads them.
/// </summary>
public sealed partial record CompositionGaps(ImmutableArray<MacroGap> Macros, ImmutableArray<string> Compiled, ImmutableArray<string> NotCompiled)
{
    public static readonly CompositionGaps None = new([], [], []);

    public IEnumerable<MacroGap> MissingInDownstream => Macros.Where(m => m.InRealmOnly);

    /// <summary>The macro gaps of every generated header whose templates both exist (Realm's: the first of its paths that does).</summary>
    public static ImmutableArray<MacroGap> Find(IEnumerable<GeneratedHeader> generated, string realmRoot, string copy)
    {
        var gaps = ImmutableArray.CreateBuilder<MacroGap>();
        foreach (var g in generated)
        {
            var realm = g.Realm.FirstOrDefault(p => File.Exists(Path.Combine(realmRoot, p)));
            var downstream = Path.Combine(copy, g.Downstream);
            if (realm is null || !File.Exists(downstream)) continue;
            var ours = DefinedIn(File.ReadAllText(Path.Combine(realmRoot, realm)));
            var theirs = DefinedIn(File.ReadAllText(downstream));
            gaps.AddRange(ours.Except(theirs).Order(StringComparer.Ordinal).Select(m => new MacroGap(m, true, realm, g.Downstream)));
            gaps.AddRange(theirs.Except(ours).Order(StringComparer.Ordinal).Select(m => new MacroGap(m, false, realm, g.Downstream)));
        }
        return gaps.ToImmutable();
    }

    /// <summary>The macros a header template defines (<c>#cmakedefine</c>, <c>#cmakedefine01</c>, <c>#define</c>), its include guard left out.</summary>
    public static ImmutableHashSet<string> DefinedIn(string template)
    {
        var guards = IfNotDefined().Matches(template).Select(m => m.Groups[1].Value).ToHashSet();
        return [.. Define().Matches(template).Select(m => m.Groups[1].Value).Where(m => !guards.Contains(m))];
    }

    [GeneratedRegex(@"^[ \t]*#[ \t]*(?:cmakedefine01|cmakedefine|define)[ \t]+([A-Za-z_]\w*)", RegexOptions.Multiline)]
    private static partial Regex Define();

    [GeneratedRegex(@"^[ \t]*#[ \t]*ifndef[ \t]+([A-Za-z_]\w*)", RegexOptions.Multiline)]
    private static partial Regex IfNotDefined();
}
