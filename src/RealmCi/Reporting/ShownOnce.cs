using RealmCi.Results;

namespace RealmCi.Reporting;

/// <summary>
/// Whether an image-preparation line is new to the console: a preparation shared by several
/// configurations delivers (and replays) the same lines to each, and the console shows each
/// headline or note once. The tools' own output is never held back (its lines repeat legitimately).
/// </summary>
internal sealed class ShownOnce
{
    private readonly HashSet<ImageLine> seen = [];

    public bool FirstTime(ImageLine line)
    {
        if (line.Kind == ImageLineKind.Output) return true;
        lock (seen) return seen.Add(line);
    }
}
