namespace RealmCi.Matrix;

/// <summary>"Did you mean …?" for unknown names: the closest candidate by edit distance.</summary>
public static class Suggest
{
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance) { best = candidate; bestDistance = d; }
        }
        // Only suggest something plausibly meant: a third of the name changed at most, and not all of it.
        return best is not null && bestDistance <= Math.Max(1, input.Length / 3) && bestDistance < input.Length ? best : null;
    }

    public static string Hint(string input, IEnumerable<string> candidates)
    {
        var list = candidates.ToList();
        var closest = Closest(input, list);
        return closest is not null
            ? $"did you mean '{closest}'?"
            : $"expected one of: {string.Join(", ", list)}";
    }

    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
