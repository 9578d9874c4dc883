namespace RealmCi.Matrix;

/// <summary>A place in a source file: 1-based line and column.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column)
{
    public static SourceSpan None(string file) => new(file, 0, 0);

    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}

/// <summary>One problem in an input file, printed as <c>FILE:LINE:COLUMN: message (hint)</c>: always one line.</summary>
public sealed record Diagnostic(SourceSpan Where, string Message, string? Hint = null)
{
    public override string ToString() =>
        OneLine(Hint is null ? $"{Where}: {Message}" : $"{Where}: {Message} ({Hint})");

    /// <summary>Control characters (a quoted key may hold a newline) shown as spaces, so a diagnostic stays one line.</summary>
    private static string OneLine(string text) => text.Any(char.IsControl) ? new(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()) : text;
}
