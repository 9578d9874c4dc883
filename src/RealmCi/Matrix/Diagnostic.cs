namespace RealmCi.Matrix;

/// <summary>A place in a source file: 1-based line and column.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column)
{
    public static SourceSpan None(string file) => new(file, 0, 0);

    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}

/// <summary>One problem in an input file, printed as <c>FILE:LINE:COLUMN: message (hint)</c>.</summary>
public sealed record Diagnostic(SourceSpan Where, string Message, string? Hint = null)
{
    public override string ToString() =>
        Hint is null ? $"{Where}: {Message}" : $"{Where}: {Message} ({Hint})";
}
