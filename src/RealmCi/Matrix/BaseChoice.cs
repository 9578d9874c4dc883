namespace RealmCi.Matrix;

/// <summary>
/// One base per row. A value that names a <c>base</c> needs that base; a value that names
/// none works on whichever base the row has (the one its values name, else the file's
/// default). A combination whose values name different bases is never built on a guess:
/// expansion drops it (<c>--explain</c> says why) and an include that asks for it is an error.
/// </summary>
public sealed class BaseChoice
{
    private readonly string?[][] bases;
    private readonly Axis[] axes;

    public BaseChoice(IReadOnlyList<Axis> axes)
    {
        this.axes = [.. axes];
        bases = [.. axes.Select(a => a.Values.Select(v => v.Facets.Base).ToArray())];
    }

    /// <summary>Whether the row's values (and an include's own <paramref name="extra"/> base) name more than one base.</summary>
    public bool Conflicts(int[] row, string? extra = null)
    {
        var chosen = extra;
        for (var a = 0; a < bases.Length; a++)
        {
            if (row[a] < 0 || bases[a][row[a]] is not { } name) continue;
            if (chosen is null) chosen = name;
            else if (chosen != name) return true;
        }
        return false;
    }

    /// <summary>"gcc14 needs base 'debian13', cuda11.8 needs base 'debian12'", or null when the row has one base.</summary>
    public string? Describe(int[] row, string? extra = null)
    {
        if (!Conflicts(row, extra)) return null;
        var parts = new List<string>();
        if (extra is not null) parts.Add($"the include names base '{extra}'");
        for (var a = 0; a < bases.Length; a++)
            if (row[a] >= 0 && bases[a][row[a]] is { } name) parts.Add($"{axes[a].Values[row[a]].Name} needs base '{name}'");
        return "its values ask for different bases: " + string.Join(", ", parts);
    }
}
