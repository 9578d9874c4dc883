using RealmCi.Errors;

namespace RealmCi.Matrix;

/// <summary>The matrix file is invalid. Carries every problem found, not just the first.</summary>
public sealed class MatrixException(IReadOnlyList<Diagnostic> diagnostics)
    : RealmCiException(Describe(diagnostics))
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;

    private static string Describe(IReadOnlyList<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()))
        + Environment.NewLine
        + $"{diagnostics.Count} error(s) in the matrix file; nothing was run.";
}
