using System.Collections.Immutable;
using RealmCi.CMake;
using RealmCi.Matrix;

namespace RealmCi.CodeCoverage;

/// <summary>
/// --coverage: a configuration built with gcc's instrumentation (<c>--coverage</c> appended to the
/// C and C++ compile and link flags, gcovr in its image), and the coverage step's gcovr command:
/// JSON (read back by realm-ci for <c>coverage.md</c> and the canary's comparison), HTML and
/// Cobertura XML, over the source tree, into the configuration's folder. The Id stays the same;
/// the result cache's key changes with the flags and the package.
/// </summary>
public static class CoverageBuild
{
    public const string Json = "coverage.json", Cobertura = "cobertura.xml", Html = "coverage.html", Markdown = "coverage.md";

    private static readonly string[] Flags = ["CMAKE_C_FLAGS", "CMAKE_CXX_FLAGS", "CMAKE_EXE_LINKER_FLAGS", "CMAKE_SHARED_LINKER_FLAGS"];

    public static BuildConfiguration Instrument(BuildConfiguration c)
    {
        var cmake = c.Settings.Cmake;
        foreach (var flag in Flags) cmake = cmake.SetItem(flag, cmake.TryGetValue(flag, out var v) && v.Length > 0 ? $"{v} --coverage" : "--coverage");
        return c with { Settings = c.Settings with { Cmake = cmake, Packages = c.Settings.Packages.Contains("gcovr") ? c.Settings.Packages : c.Settings.Packages.Add("gcovr") } };
    }

    public static IReadOnlyList<string> Gcovr(WorkLayout at) =>
    [
        "gcovr", "--root", at.Source, "--object-directory", at.Build,
        "--json", $"{at.Work}/{Json}", "--cobertura", $"{at.Work}/{Cobertura}", "--html-details", $"{at.Work}/{Html}",
        "--print-summary", at.Build,
    ];

    /// <summary>After the coverage step: realm-ci's Markdown summary from gcovr's JSON (gcovr 5.2 writes none).</summary>
    public static void WriteMarkdown(string folder, string id)
    {
        var json = Path.Combine(folder, Json);
        if (File.Exists(json)) Reporting.AtomicFile.WriteText(Path.Combine(folder, Markdown), CoverageMarkdown.Write(GcovrJson.Parse(File.ReadAllText(json)), $"Coverage: {id}"));
    }
}
