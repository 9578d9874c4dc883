using System.Collections.Immutable;
using RealmCi.CMake;
using RealmCi.Matrix;

namespace RealmCi.CodeCoverage;

/// <summary>
/// --coverage: a configuration built with gcc's instrumentation (<c>--coverage</c> appended to the
/// C and C++ compile and link flags, with atomic counter updates, gcovr in its image), and the coverage step's gcovr command:
/// JSON (read back by realm-ci for <c>coverage.md</c> and the canary's comparison), HTML (in a <c>coverage/</c>
/// folder of its own: one page per source file, hundreds for Realm) and Cobertura XML, over the source tree, into the configuration's folder. The Id stays the same;
/// the result cache's key changes with the flags and the package.
/// </summary>
public static class CoverageBuild
{
    public const string Json = "coverage.json", Cobertura = "cobertura.xml", Html = "coverage/index.html", Markdown = "coverage.md";

    /// <summary>
    /// Compile flags: <c>--coverage</c>, and <c>-fprofile-update=atomic</c> because Realm is threaded — with gcc's
    /// default (single) updates, threads racing on a counter leave counts gcov derives as negative ("branch 1 taken
    /// -147" in Realm's sparsity_impl.cc on the real canary), which gcovr refuses to parse. Link flags: <c>--coverage</c>.
    /// </summary>
    private static readonly (string Flag, string Add)[] Flags =
    [
        ("CMAKE_C_FLAGS", "--coverage -fprofile-update=atomic"), ("CMAKE_CXX_FLAGS", "--coverage -fprofile-update=atomic"),
        ("CMAKE_EXE_LINKER_FLAGS", "--coverage"), ("CMAKE_SHARED_LINKER_FLAGS", "--coverage"),
    ];

    public static BuildConfiguration Instrument(BuildConfiguration c)
    {
        var cmake = c.Settings.Cmake;
        foreach (var (flag, add) in Flags) cmake = cmake.SetItem(flag, cmake.TryGetValue(flag, out var v) && v.Length > 0 ? $"{v} {add}" : add);
        return c with { Settings = c.Settings with { Cmake = cmake, Packages = c.Settings.Packages.Contains("gcovr") ? c.Settings.Packages : c.Settings.Packages.Add("gcovr") } };
    }

    /// <summary>
    /// The coverage step: gcovr, with the compiler's own gcov (gcovr runs <c>GCOV</c> when the environment
    /// names one — the matrix's gcc values do: <c>gcov-12</c> for <c>gcc-12</c> — else <c>gcov</c>). A gcov
    /// missing from the image is said in one line before gcovr starts (exit 2). Fixed script text; every
    /// path is a positional argument.
    /// </summary>
    public static IReadOnlyList<string> Gcovr(WorkLayout at) =>
        ["sh", "-ec", Script, "realm-ci-coverage", at.Source, at.Build, $"{at.Work}/{Json}", $"{at.Work}/{Cobertura}", $"{at.Work}/{Html}"];

    private const string Script = """
        gcov="${GCOV:-gcov}"
        command -v "${gcov%% *}" >/dev/null 2>&1 || { echo "realm-ci: no '${gcov%% *}' in the image to read the coverage counters: give the compiler value its gcov (env GCOV, e.g. gcov-12 for gcc-12; clang's counters need 'llvm-cov-N gcov')" >&2; exit 2; }
        mkdir -p "$(dirname "$5")"
        exec gcovr --gcov-ignore-parse-errors --root "$1" --object-directory "$2" --json "$3" --cobertura "$4" --html-details "$5" --print-summary "$2"
        """;

    /// <summary>
    /// After the coverage step: realm-ci's Markdown summary from gcovr's JSON (gcovr 5.2 writes none), with what gcovr
    /// skipped (<see cref="GcovrSkips"/>, from the step's log). Returns that note, or null when nothing was skipped.
    /// </summary>
    public static string? WriteMarkdown(string folder, string id)
    {
        var json = Path.Combine(folder, Json);
        if (!File.Exists(json)) return null;
        var log = new Layout.ConfigurationFolder(folder).Log(Results.StepKind.Coverage);
        var note = File.Exists(log) ? GcovrSkips.Read(File.ReadAllText(log)).Note : null;
        var md = CoverageMarkdown.Write(GcovrJson.Parse(File.ReadAllText(json)), $"Coverage: {id}");
        Reporting.AtomicFile.WriteText(Path.Combine(folder, Markdown), note is null ? md : $"{md}\n{note}\n");
        return note;
    }
}
