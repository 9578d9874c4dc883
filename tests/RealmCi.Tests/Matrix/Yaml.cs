using RealmCi.Errors;
using RealmCi.Matrix;

namespace RealmCi.Tests.Matrix;

/// <summary>Small matrices written inline, and the repository's real one.</summary>
internal static class Yaml
{
    public static string RepoRoot { get; } = FindRoot();

    public static string RealmMatrixPath => Path.Combine(RepoRoot, "matrix", "realm.yaml");

    public static ExpandedMatrix Open(string text) => MatrixFile.Parse(text.Replace("\t", "  "), "m.yaml");

    public static IReadOnlyList<Diagnostic> Errors(string text)
    {
        var e = Assert.Throws<MatrixException>(() => Open(text));
        return e.Diagnostics;
    }

    /// <summary>Three axes (a: a1 a2 a3, b: b1 b2, c: c1 c2 with default c1).</summary>
    public const string Small = """
        axes:
          a: { values: { a1: {}, a2: {}, a3: {} } }
          b: { values: { b1: {}, b2: {} } }
          c: { default: c1, values: { c1: {}, c2: {} } }

        """;

    /// <summary>A synthetic matrix of <paramref name="axes"/> axes × <paramref name="values"/> values, no rules.</summary>
    public static string Grid(int axes, int values, string extra = "")
    {
        var lines = new List<string> { "axes:" };
        for (var a = 0; a < axes; a++)
            lines.Add($"  x{a}: {{ values: {{ {string.Join(", ", Enumerable.Range(0, values).Select(v => $"v{a}_{v}: {{}}"))} }} }}");
        return string.Join("\n", lines) + "\n" + extra;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "cake.config"))) return dir.FullName;
        throw new InvalidOperationException("repository root (cake.config) not found above " + AppContext.BaseDirectory);
    }
}
