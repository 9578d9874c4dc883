using System.Globalization;
using RealmCi.Matrix;

namespace RealmCi.CMake;

/// <summary>
/// The configure, build, test and install commands of a configuration, as argument lists.
/// Knows CMake and CTest, not Realm: Realm's switches come from the matrix file.
/// </summary>
public static class CMakeCommands
{
    public static IReadOnlyList<string> Configure(BuildConfiguration c, WorkLayout at, string? sourceSubdir, bool ccache)
    {
        var definitions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (ccache)
        {
            definitions["CMAKE_C_COMPILER_LAUNCHER"] = "ccache";
            definitions["CMAKE_CXX_COMPILER_LAUNCHER"] = "ccache";
        }
        foreach (var (key, value) in c.Settings.Cmake) definitions[key] = value; // the matrix wins
        var source = string.IsNullOrEmpty(sourceSubdir) ? at.Source : $"{at.Source}/{sourceSubdir}";
        List<string> args = ["cmake", "-S", source, "-B", at.Build, "-G", "Ninja", $"-DCMAKE_INSTALL_PREFIX={at.Install}"];
        args.AddRange(definitions.Select(d => $"-D{d.Key}={d.Value}"));
        return args;
    }

    public static IReadOnlyList<string> Build(WorkLayout at, int parallel, IReadOnlyList<string>? targets = null) =>
        ["cmake", "--build", at.Build, "--parallel", parallel.ToString(CultureInfo.InvariantCulture), .. targets is { Count: > 0 } ? ["--target", .. targets] : Array.Empty<string>()];

    public static IReadOnlyList<string> Install(WorkLayout at) => ["cmake", "--install", at.Build, "--prefix", at.Install];

    /// <summary>
    /// ctest over <paramref name="testDir"/> with JUnit output, a per-test timeout, and the
    /// labels the configuration selects (<c>-L</c>) and leaves out (<c>-LE</c>).
    /// </summary>
    public static IReadOnlyList<string> Test(BuildConfiguration c, WorkLayout at, string testDir, int parallel, IEnumerable<string> extraExcludedLabels)
    {
        var t = c.Settings.Test;
        List<string> args =
        [
            "ctest", "--test-dir", testDir, "--output-on-failure", "--no-tests=error",
            "--timeout", (t.Timeout ?? 1500).ToString(CultureInfo.InvariantCulture),
            "--parallel", parallel.ToString(CultureInfo.InvariantCulture),
            "--output-junit", at.JUnit,
        ];
        args.AddRange(LabelFilters(t.Labels, t.ExcludeLabels.Concat(extraExcludedLabels)));
        args.AddRange(NameFilters(t));
        return args;
    }

    /// <summary>
    /// Lists the tests ctest would run, with their commands and properties (JSON); with
    /// <paramref name="selected"/> false, every test the build defines (no label filters).
    /// </summary>
    public static IReadOnlyList<string> ListTests(BuildConfiguration c, WorkLayout at, IEnumerable<string>? onlyLabels = null, bool selected = true)
    {
        var t = c.Settings.Test;
        List<string> args = ["ctest", "--test-dir", at.Build, "--show-only=json-v1"];
        if (selected) args.AddRange(LabelFilters(t.Labels, t.ExcludeLabels).Concat(NameFilters(t)));
        if (onlyLabels is not null && onlyLabels.Any()) { args.Add("-L"); args.Add(Regex(onlyLabels)); }
        return args;
    }

    /// <summary>ctest takes one regular expression per -L / -LE; each label must match whole.</summary>
    internal static IEnumerable<string> LabelFilters(IEnumerable<string> include, IEnumerable<string> exclude)
    {
        var i = include.Distinct().ToList();
        var e = exclude.Distinct().ToList();
        if (i.Count > 0) { yield return "-L"; yield return Regex(i); }
        if (e.Count > 0) { yield return "-LE"; yield return Regex(e); }
    }

    /// <summary>ctest's name filters (<c>-R</c>, <c>-E</c>), when the matrix gives them.</summary>
    internal static IEnumerable<string> NameFilters(TestFacet t)
    {
        if (t.Regex is { } r) { yield return "-R"; yield return r; }
        if (t.ExcludeRegex is { } e) { yield return "-E"; yield return e; }
    }

    internal static string Regex(IEnumerable<string> labels) =>
        "^(" + string.Join("|", labels.Select(System.Text.RegularExpressions.Regex.Escape)) + ")$";
}
