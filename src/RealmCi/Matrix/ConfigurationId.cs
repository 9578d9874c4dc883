using System.Text;

namespace RealmCi.Matrix;

/// <summary>
/// The one name of a configuration: its axis values joined by '-' in axis order, leaving out
/// values equal to their axis's default (<c>gcc12-release-local-cpu</c>,
/// <c>gcc12-debug-local-cpu-asan</c>). Value names are unique across axes and contain no
/// '-', so an Id reads back into its values. Safe as a folder, file and CI job name.
/// </summary>
public static class ConfigurationId
{
    public static string Format(IReadOnlyList<Axis> axes, int[] row)
    {
        var builder = new StringBuilder(64);
        for (var i = 0; i < axes.Count; i++)
        {
            if (axes[i].Default == row[i]) continue;
            if (builder.Length > 0) builder.Append('-');
            builder.Append(axes[i].Values[row[i]].Name);
        }
        // Every axis at its default: the Id is every default value, so it is never empty.
        return builder.Length > 0 ? builder.ToString() : string.Join('-', axes.Select((a, i) => a.Values[row[i]].Name));
    }

    /// <summary>Reads an Id back into value indices, or says what is wrong with it.</summary>
    public static bool TryParse(IReadOnlyList<Axis> axes, string id, out int[] row, out string? error)
    {
        row = new int[axes.Count];
        Array.Fill(row, -1);
        error = null;
        foreach (var token in id.Split('-'))
        {
            var found = false;
            for (var a = 0; a < axes.Count && !found; a++)
            {
                var v = axes[a].IndexOf(token);
                if (v < 0) continue;
                found = true;
                if (row[a] >= 0)
                {
                    error = $"'{id}' gives axis '{axes[a].Name}' twice ('{axes[a].Values[row[a]].Name}' and '{token}')";
                    return false;
                }
                row[a] = v;
            }
            if (!found)
            {
                var all = axes.SelectMany(x => x.Values.Select(v => v.Name));
                error = $"'{token}' in '{id}' is not a value of any axis ({Suggest.Hint(token, all)})";
                return false;
            }
        }
        for (var a = 0; a < axes.Count; a++)
        {
            if (row[a] >= 0) continue;
            if (axes[a].Default is { } d) { row[a] = d; continue; }
            error = $"'{id}' gives no value for axis '{axes[a].Name}' (one of: {string.Join(", ", axes[a].Values.Select(v => v.Name))})";
            return false;
        }
        return true;
    }
}
