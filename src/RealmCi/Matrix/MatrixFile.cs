using RealmCi.Errors;

namespace RealmCi.Matrix;

/// <summary>The one entry point: load a matrix file, expand it, validate it — or throw every problem at once.</summary>
public static class MatrixFile
{
    public static ExpandedMatrix Open(string path) => Open(MatrixLoader.LoadFile(path));

    public static ExpandedMatrix Parse(string text, string file = "matrix.yaml") => Open(MatrixLoader.Load(text, file));

    private static ExpandedMatrix Open(MatrixDefinition definition)
    {
        var matrix = MatrixExpander.Expand(definition);
        var problems = MatrixValidator.Validate(matrix);
        if (problems.Count > 0) throw new MatrixException(problems);
        return matrix;
    }
}
