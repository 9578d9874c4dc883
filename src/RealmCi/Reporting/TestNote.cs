namespace RealmCi.Reporting;

/// <summary>
/// One line a run's summary says about a configuration's tests. <see cref="IsWarning"/> is the key
/// every reporter shows it by (the console in yellow, Markdown as a ⚠️ quote), never the text.
/// </summary>
public sealed record TestNote(bool IsWarning, string Text)
{
    public static TestNote Warning(string text) => new(true, text);

    public static TestNote Info(string text) => new(false, text);

    public override string ToString() => Text;
}
