using System.Text;

namespace RealmCi.Ci;

/// <summary>
/// A unified diff (<c>diff -u</c> format, three lines of context) between two texts, from a
/// longest common subsequence of their lines. Large changed regions beyond a few thousand
/// lines are shown as one replacement rather than searched.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;
    private const long MaxCells = 16_000_000;

    public static string Between(string oldText, string newText, string oldName, string newName)
    {
        var a = Lines(oldText);
        var b = Lines(newText);
        var edits = Edits(a, b);
        if (edits.All(e => e.Kind == ' ')) return "";
        var text = new StringBuilder($"--- {oldName}\n+++ {newName}\n");
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Kind == ' ') { i++; continue; }
            var start = Math.Max(0, i - Context);
            var end = i;
            // Extend the hunk while changes are within 2×context lines of each other.
            while (true)
            {
                while (end < edits.Count && edits[end].Kind != ' ') end++;
                var next = end;
                while (next < edits.Count && edits[next].Kind == ' ' && next - end < 2 * Context) next++;
                if (next < edits.Count && edits[next].Kind != ' ') { end = next; continue; }
                end = Math.Min(edits.Count, end + Context);
                break;
            }
            var hunk = edits.GetRange(start, end - start);
            var oldStart = hunk[0].OldLine;
            var newStart = hunk[0].NewLine;
            var oldCount = hunk.Count(e => e.Kind != '+');
            var newCount = hunk.Count(e => e.Kind != '-');
            text.Append($"@@ -{(oldCount == 0 ? oldStart - 1 : oldStart)},{oldCount} +{(newCount == 0 ? newStart - 1 : newStart)},{newCount} @@\n");
            foreach (var e in hunk) text.Append(e.Kind).Append(e.Text).Append('\n');
            i = end;
        }
        return text.ToString();
    }

    private readonly record struct Edit(char Kind, string Text, int OldLine, int NewLine);

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : (text.EndsWith('\n') ? text[..^1] : text).Split('\n');

    private static List<Edit> Edits(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;
        var edits = new List<Edit>();
        for (var k = 0; k < prefix; k++) edits.Add(new(' ', a[k], k + 1, k + 1));
        var am = a[prefix..(a.Length - suffix)];
        var bm = b[prefix..(b.Length - suffix)];
        if ((long)am.Length * bm.Length > MaxCells)
        {
            for (var k = 0; k < am.Length; k++) edits.Add(new('-', am[k], prefix + k + 1, prefix + 1));
            for (var k = 0; k < bm.Length; k++) edits.Add(new('+', bm[k], prefix + am.Length + 1, prefix + k + 1));
        }
        else Middle(am, bm, prefix, edits);
        for (var k = 0; k < suffix; k++)
            edits.Add(new(' ', a[a.Length - suffix + k], a.Length - suffix + k + 1, b.Length - suffix + k + 1));
        return edits;
    }

    private static void Middle(string[] a, string[] b, int offset, List<Edit> edits)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { edits.Add(new(' ', a[x], offset + x + 1, offset + y + 1)); x++; y++; }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1])) { edits.Add(new('-', a[x], offset + x + 1, offset + y + 1)); x++; }
            else { edits.Add(new('+', b[y], offset + x + 1, offset + y + 1)); y++; }
        }
    }
}
