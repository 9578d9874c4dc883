using System.Collections.Immutable;

namespace RealmCi.Matrix;

/// <summary>One value of an axis, with the facets it contributes.</summary>
public sealed record AxisValue(string Name, string? Description, Facets Facets, SourceSpan Where);

/// <summary>
/// An axis of the matrix. When it has a <see cref="Default"/>, Ids leave that value out
/// (so variants such as sanitizers do not lengthen every Id).
/// </summary>
public sealed record Axis(string Name, ImmutableArray<AxisValue> Values, int? Default, SourceSpan Where)
{
    public int IndexOf(string value)
    {
        for (var i = 0; i < Values.Length; i++)
            if (Values[i].Name == value) return i;
        return -1;
    }
}

/// <summary>A base image: an image name and, for air-gapped sites, how to bootstrap it.</summary>
public sealed record BaseImage(string Name, string Image, Bootstrap? Bootstrap, string PackageManager, SourceSpan Where)
{
    /// <summary>What preparing this base needs (<see cref="Requirement"/>), e.g. <c>registry</c>.</summary>
    public ImmutableArray<string> Requires { get; init; } = [];
}

/// <summary>How to make a base image from a distribution mirror with debootstrap.</summary>
public sealed record Bootstrap(string Suite, string Mirror, string Variant, ImmutableArray<string> Components);

/// <summary>A condition on one axis: the value indices it accepts.</summary>
public sealed record AxisCondition(int Axis, ImmutableArray<string> Patterns, bool[] Accepts)
{
    public bool Matches(int[] row) => Accepts[row[Axis]];
}

/// <summary>A partial row: every condition must hold (an empty pattern matches every row).</summary>
public sealed record RowPattern(ImmutableArray<AxisCondition> Conditions, SourceSpan Where)
{
    public bool Matches(int[] row)
    {
        foreach (var condition in Conditions)
            if (!condition.Accepts[row[condition.Axis]]) return false;
        return true;
    }

    public bool CanMatchAnything => Conditions.All(c => c.Accepts.Any(a => a));

    public string Describe(IReadOnlyList<Axis> axes) =>
        "{" + string.Join(", ", Conditions.Select(c => $"{axes[c.Axis].Name}: {string.Join("|", c.Patterns)}")) + "}";
}

/// <summary>Removes every row its pattern matches.</summary>
public sealed record ExcludeRule(RowPattern Match, string? Reason, SourceSpan Where);

/// <summary>Rows matching <see cref="When"/> must match <see cref="Require"/> and must not match <see cref="Forbid"/>.</summary>
public sealed record Constraint(RowPattern When, RowPattern? Require, RowPattern? Forbid, string? Reason, SourceSpan Where)
{
    public bool Violates(int[] row) =>
        When.Matches(row) && ((Require is not null && !Require.Matches(row)) || (Forbid is not null && Forbid.Matches(row)));
}

/// <summary>Adds one row (or extends it when present) with extra facets. Not subject to exclude rules.</summary>
public sealed record IncludeRule(int[] Row, Facets Facets, SourceSpan Where);

/// <summary>Extra facets for every configuration whose Id matches <see cref="Match"/> (and, with <see cref="When"/>, whose source's facts hold).</summary>
public sealed record Override(string Match, Facets Facets, SourceSpan Where)
{
    /// <summary><c>when: { FACT: true|false }</c>: facts read from the source (<c>facts:</c>), all of which must have these values; empty: unconditional.</summary>
    public ImmutableDictionary<string, bool> When { get; init; } = ImmutableDictionary<string, bool>.Empty;

    /// <summary>
    /// <c>unsupported: REASON</c> (conditional overrides only): where the facts hold, the source cannot be
    /// built in the matching configurations — they are reported unavailable with the reason and the
    /// facts' evidence instead of failing to configure.
    /// </summary>
    public string? Unsupported { get; init; }
}

public enum CoverageStrategy
{
    /// <summary>Every valid combination.</summary>
    All,
    /// <summary>Every value of every axis at least once.</summary>
    Each,
    /// <summary>Every valid pair of values of two axes at least once.</summary>
    Pairwise,
    /// <summary>Only the configurations listed by Id.</summary>
    None,
}

/// <summary>A named subset (tier): filter the valid rows, apply a coverage strategy, add listed Ids.</summary>
public sealed record Profile(
    string Name,
    string? Description,
    CoverageStrategy Strategy,
    RowPattern? Where,
    ImmutableArray<string> Select,
    ImmutableArray<string> Skip,
    ImmutableArray<string> Configs,
    SourceSpan At);

/// <summary>A loaded and validated matrix file.</summary>
public sealed record MatrixDefinition(
    string File,
    string Project,
    Facets Defaults,
    ImmutableArray<Axis> Axes,
    ImmutableDictionary<string, BaseImage> Bases,
    ImmutableArray<ExcludeRule> Excludes,
    ImmutableArray<Constraint> Constraints,
    ImmutableArray<IncludeRule> Includes,
    ImmutableDictionary<string, Profile> Profiles,
    ImmutableArray<Override> Overrides,
    string? DefaultProfile)
{
    public long ProductSize => Axes.Aggregate(1L, (n, a) => n * a.Values.Length);

    /// <summary>Source archives values may name (<c>sources:</c>), by name.</summary>
    public ImmutableDictionary<string, DeclaredSource> Sources { get; init; } = ImmutableDictionary<string, DeclaredSource>.Empty;

    /// <summary>Tests known to fail for a reason outside realm-ci (<c>quarantine:</c>).</summary>
    public Quarantine Quarantine { get; init; } = Quarantine.Empty;

    /// <summary>Where the project's source comes from and where its CMake project is in a checkout (<c>source:</c>).</summary>
    public ProjectSource Source { get; init; } = ProjectSource.None;

    /// <summary>Known failures: a log pattern per step, what it means and what to do (<c>signatures:</c>).</summary>
    public FailureSignatures Signatures { get; init; } = FailureSignatures.Empty;

    /// <summary>Projects built against the Realm under test by the Canary target (<c>downstreams:</c>), by name.</summary>
    public ImmutableDictionary<string, Downstream.DownstreamProject> Downstreams { get; init; } = ImmutableDictionary<string, Downstream.DownstreamProject>.Empty;

    /// <summary>The shared library the ABI check compares (<c>abi:</c>); null: none.</summary>
    public AbiLibrary? Abi { get; init; }

    /// <summary>Facts read from the source that conditional overrides name (<c>facts:</c>), by name.</summary>
    public ImmutableDictionary<string, SourceFact> Facts { get; init; } = ImmutableDictionary<string, SourceFact>.Empty;
}
