using RealmCi.Errors;

namespace RealmCi.Matrix;

/// <summary>The one entry point: load a matrix file, expand it, validate it — or throw every problem at once.</summary>
public static class MatrixFile
{
    public static ExpandedMatrix Open(string path)
    {
        MatrixDefinition definition;
        try { definition = MatrixLoader.LoadFile(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RealmCiException($"matrix file {path} cannot be read: {e.Message}");
        }
        return Open(definition);
    }

    public static ExpandedMatrix Parse(string text, string file = "matrix.yaml") => Open(MatrixLoader.Load(text, file));

    private static ExpandedMatrix Open(MatrixDefinition definition)
    {
        var matrix = MatrixExpander.Expand(definition);
        var problems = MatrixValidator.Validate(matrix);
        if (problems.Count > 0) throw new MatrixException(problems);
        return matrix;
    }
}
