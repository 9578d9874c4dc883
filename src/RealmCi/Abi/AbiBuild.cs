using RealmCi.CMake;
using RealmCi.Matrix;

namespace RealmCi.Abi;

/// <summary>
/// --abi-baseline: a configuration built for the ABI check — a shared library
/// (<c>BUILD_SHARED_LIBS=ON</c>) with debug information (<c>-g</c> appended to the C and C++
/// flags; abi-dumper reads DWARF), the matrix's ABI packages in its image, and, for the run under
/// test, the baseline's commit in its environment (<c>REALM_CI_ABI_BASELINE</c>) so that its
/// result-cache key changes with the baseline. The Id stays the same. And the step after install:
/// abi-dumper on the installed library; with a baseline, abi-compliance-checker (an HTML report
/// for people, a binary XML report for realm-ci) and c++filt for the names the XML mangles.
/// </summary>
public static class AbiBuild
{
    private static readonly string[] Flags = ["CMAKE_C_FLAGS", "CMAKE_CXX_FLAGS"];

    public static BuildConfiguration Prepare(BuildConfiguration c, AbiOptions abi)
    {
        var cmake = c.Settings.Cmake.SetItem("BUILD_SHARED_LIBS", "ON");
        foreach (var flag in Flags)
            if (!(cmake.TryGetValue(flag, out var v) && v.Split(' ').Contains("-g"))) cmake = cmake.SetItem(flag, v is { Length: > 0 } ? $"{v} -g" : "-g");
        var packages = Facets.Union(c.Settings.Packages, abi.Library.Packages);
        var env = abi.BaselineCommit is { } commit ? c.Settings.Env.SetItem("REALM_CI_ABI_BASELINE", commit) : c.Settings.Env;
        return c with { Settings = c.Settings with { Cmake = cmake, Packages = packages, Env = env } };
    }

    /// <summary>
    /// The ABI step's command: one shell script (fixed text; every path and name is a positional
    /// argument, never spliced into it). Exit 0: dumped (and compatible); 1: incompatible; other: the tools failed.
    /// </summary>
    public static IReadOnlyList<string> Command(AbiOptions abi, WorkLayout at) =>
    [
        "sh", "-ec", Script, "realm-ci-abi",
        $"{at.Install}/{abi.Library.Library}", abi.Library.Name, abi.Label, $"{at.Work}/{AbiFiles.Dump}",
        abi.Compares ? $"{at.Work}/{AbiFiles.BaselineDump}" : "",
        $"{at.Work}/{AbiFiles.Html}", $"{at.Work}/{AbiFiles.Xml}", $"{at.Work}/{AbiFiles.Symbols}",
    ];

    private const string Script = """
        library=$1 name=$2 label=$3 dump=$4 baseline=$5 html=$6 xml=$7 symbols=$8
        abi-dumper "$library" -o "$dump" -lver "$label"
        [ -n "$baseline" ] || exit 0
        [ -f "$baseline" ] || { echo "realm-ci: no baseline dump $baseline (the baseline's build failed?)" >&2; exit 2; }
        status=0
        # The two reports side by side (each reads both dumps: minutes on Realm's), the XML one in a
        # folder of its own — the checker writes logs/ into its working folder.
        xmlwork=$(mktemp -d)
        (cd "$xmlwork" && abi-compliance-checker -l "$name" -old "$baseline" -new "$dump" -binary -xml -report-path "$xml" >/dev/null 2>&1) &
        xmlpid=$!
        abi-compliance-checker -l "$name" -old "$baseline" -new "$dump" -report-path "$html" || status=$?
        wait "$xmlpid" || true
        rm -rf "$xmlwork"
        sed -n 's:.*<name>\(_Z[^<]*\)</name>.*:\1:p; s:.*<symbol name="\(_Z[^"]*\)".*:\1:p' "$xml" | sort -u |
          while read -r s; do printf '%s\t%s\n' "$s" "$(printf '%s\n' "$s" | c++filt)"; done > "$symbols"
        exit $status
        """;
}
