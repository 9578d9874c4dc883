using DiffPlex.Renderer;

namespace RealmCi.Ci;

/// <summary>
/// The diff <c>--check</c> prints for a stale file: DiffPlex's unified diff (<c>diff -u</c>
/// format, three lines of context); empty when the texts are equal.
/// </summary>
public static class UnifiedDiff
{
    private static readonly UnidiffRenderer Renderer = new(differ: null, contextLines: 3);

    /// <remarks>DiffPlex reads a final newline as one more, empty line (a phantom context line and counts one too high): the final newline both texts end with is left out.</remarks>
    public static string Between(string oldText, string newText, string oldName, string newName) =>
        oldText == newText ? ""
        : oldText.EndsWith('\n') && newText.EndsWith('\n') ? Renderer.Generate(oldText[..^1], newText[..^1], oldName, newName, ignoreWhitespace: false, ignoreCase: false)
        : Renderer.Generate(oldText, newText, oldName, newName, ignoreWhitespace: false, ignoreCase: false);
}
