using System.Text.RegularExpressions;

namespace RealmCi.Release;

/// <summary>
/// Which part of a repository a source package holds, and where the CMake project (and so its
/// <c>VERSION</c> file) sits in it. A standalone project is the whole tree at its root. Legion's
/// tree builds Realm from <c>realm/</c>, which reads beyond its folder; <see cref="Legion"/>
/// lists exactly what Legion's <c>realm/</c> CMake project reads (25.06), and nothing else.
/// </summary>
public sealed partial record SourceLayout(string Name, string? Subdir, IReadOnlyList<string>? Paths)
{
    public static readonly SourceLayout Standalone = new("standalone", null, null);

    public static readonly SourceLayout Legion = new("legion", "realm",
    [
        "realm",                        // the CMake project, its cmake/ modules, src/, tests/, examples/, tutorials/, LICENSE.txt
        "runtime/realm",                // REALM_SOURCE_DIR: every source and header (incl. ucx/bootstrap, gasnetex wrapper)
        "runtime/realm.h",              // ${REALM_SOURCE_DIR}/../realm.h, installed as include/realm.h
        "cmake/realm_defines.h.in",     // src/CMakeLists.txt: ../../cmake/realm_defines.h.in
        "cmake/deppart_tmpl.cc.in",     // src/CMakeLists.txt: ../../cmake/deppart_tmpl.cc.in
        "cmake/bin2c.cmake",            // CUDA fatbin embedding: ../cmake/bin2c.cmake
        "cmake/bin2c.template.in",      // read by bin2c.cmake
        "test/realm",                   // tests/CMakeLists.txt: REALM_TEST_DIR = ../../test/realm
        "test/performance/realm",       // benchmarks/CMakeLists.txt: REALM_BENCH_DIR
    ]);

    /// <summary>Where the VERSION file goes: beside the CMake project's CMakeLists.txt.</summary>
    public string VersionFile => Subdir is null ? "VERSION" : $"{Subdir}/VERSION";

    /// <summary>
    /// The layout of a tree, from its file list and top-level CMakeLists.txt (the rule the
    /// pipeline's source detection uses): Legion's when <c>realm/CMakeLists.txt</c> exists and
    /// the top level is not a Realm project.
    /// </summary>
    public static SourceLayout Detect(IReadOnlyCollection<string> files, string? topCMakeLists) =>
        files.Contains("realm/CMakeLists.txt") && (topCMakeLists is null || !RealmProject().IsMatch(topCMakeLists)) ? Legion : Standalone;

    public bool Holds(string path) =>
        Paths is null || Paths.Any(p => path == p || path.StartsWith(p + "/", StringComparison.Ordinal));

    [GeneratedRegex(@"^\s*project\s*\(\s*Realm\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex RealmProject();
}
