using RealmCi.Downstream;

namespace RealmCi.Tests.Downstream;

public class DiagnosingACanaryFailure
{
    private static readonly MacroGap Aio = new("REALM_USE_LIBAIO", true, "cmake/realm_defines.h.in", "cmake/realm_defines.h.in");
    private static readonly MacroGap Hijack = new("REALM_USE_CUDART_HIJACK", false, "cmake/realm_defines.h.in", "cmake/realm_defines.h.in");

    private static readonly Dictionary<string, string> Copy = new()
    {
        ["runtime/realm/transfer/lowlevel_dma.cc"] = "#include \"realm_defines.h\"\nint x;\nstatic int depth = REALM_USE_LIBAIO;\n",
        ["runtime/realm/runtime_impl.cc"] = "int f() { return 1; }\n",
        ["runtime/realm/extra/only_here.cc"] = "namespace realm {\nint helper(int a)\n{\n  return a;\n}\n}\n",
    };

    private static readonly CompositionGaps Gaps = new([Aio, Hijack], ["runtime/realm/transfer/lowlevel_dma.cc", "runtime/realm/runtime_impl.cc"], ["runtime/realm/extra/only_here.cc"]);

    private static Diagnosis? Diagnose(string? error, params string[] failed) => FailureDiagnosis.Diagnose("legion", error, failed, Gaps, "/src", p => Copy.GetValueOrDefault(p));

    [Fact]
    public void ACompileErrorNamingAMacroTheDownstreamNeverDefinesIsACompositionArtefact()
    {
        var d = Diagnose("/src/runtime/realm/foo.cc:7:15: error: 'REALM_USE_LIBAIO' was not declared in this scope")!;
        Assert.Equal(FailureCause.CompositionArtefact, d.Cause);
        Assert.StartsWith("**composition artefact, not a Realm regression**: REALM_USE_LIBAIO: defined by the Realm under test's cmake/realm_defines.h.in, not by the downstream's", d.ToString());
    }

    [Fact]
    public void ACompileErrorOnALineThatUsesSuchAMacroIsOneToo()
    {
        var d = Diagnose("/src/runtime/realm/transfer/lowlevel_dma.cc:3:20: error: expected primary-expression before ';' token")!;
        Assert.Equal(FailureCause.CompositionArtefact, d.Cause);
        Assert.Contains("REALM_USE_LIBAIO", d.Text);
        // …but not an error elsewhere in the same file, and never a macro only the downstream defines.
        Assert.Equal(FailureCause.RealmChange, Diagnose("/src/runtime/realm/transfer/lowlevel_dma.cc:2:5: error: redefinition of 'int x'")!.Cause);
        Assert.Equal(FailureCause.RealmChange, Diagnose("/src/a.cc:1:1: error: 'REALM_USE_CUDART_HIJACK' was not declared")!.Cause);
    }

    [Fact]
    public void AnUndefinedReferenceToAFunctionOnlyAnUncompiledOverlaySourceDefinesIsTheSourceList()
    {
        var d = Diagnose("/usr/bin/ld: legion.cc:(.text+0x1f): undefined reference to `realm::helper(int)'")!;
        Assert.Equal(FailureCause.CompositionArtefact, d.Cause);
        Assert.Contains("runtime/realm/extra/only_here.cc defines helper but legion's source list never compiles it", d.Text);
        Assert.Equal(FailureCause.RealmChange, Diagnose("/usr/bin/ld: x.o: undefined reference to `realm::gone(int)'")!.Cause);
    }

    [Fact]
    public void AnyOtherBuildErrorIsARealmChange()
    {
        var d = Diagnose("/src/runtime/legion.cc:4:58: error: 'sum' is not a member of 'realm'")!;
        Assert.Equal(FailureCause.RealmChange, d.Cause);
        Assert.Equal("**Realm change**: legion no longer builds against this Realm: /src/runtime/legion.cc:4:58: error: 'sum' is not a member of 'realm'", d.ToString());
        var older = FailureDiagnosis.Diagnose("legion", "/src/test/realm/c/test_runtime.cc:66:29: error: too few arguments", [], Gaps, "/src", p => Copy.GetValueOrDefault(p), built: "legion's copy of Realm's older tests")!;
        Assert.Equal("legion's copy of Realm's older tests no longer builds against this Realm: /src/test/realm/c/test_runtime.cc:66:29: error: too few arguments", older.Text);
    }

    [Fact]
    public void FailingTestsAreARealmChangeUnlessCompiledRealmCodeUsesAMacroTheCompositionLacks()
    {
        var clean = FailureDiagnosis.Diagnose("legion", null, ["coverings"], Gaps with { Macros = [Hijack] }, "/src", p => Copy.GetValueOrDefault(p))!;
        Assert.Equal(FailureCause.RealmChange, clean.Cause);
        Assert.Contains("1 legion test(s) failed: coverings", clean.Text);
        var undecided = Diagnose(null, "coverings", "deppart")!;
        Assert.Equal(FailureCause.Undecided, undecided.Cause);
        Assert.Contains("does not define REALM_USE_LIBAIO (used by runtime/realm/transfer/lowlevel_dma.cc)", undecided.Text);
        Assert.Null(Diagnose(null));
    }

    [Fact]
    public void TheGapsAreTheMacrosOneTemplateDefinesAndTheOtherDoesNot()
    {
        const string realm = "#ifndef REALM_DEFINES_H\n#define REALM_DEFINES_H\n#cmakedefine REALM_VERSION \"@V@\"\n#define REALM_VERSION_MAJOR @M@\n  #  cmakedefine REALM_USE_LIBAIO\n#cmakedefine01 REALM_USE_SHM\n#endif\n";
        const string legion = "#cmakedefine REALM_VERSION \"@V@\"\n#cmakedefine REALM_USE_CUDART_HIJACK\n// #cmakedefine REALM_USE_SHM is commented in prose only\n";
        Assert.Equal(["REALM_USE_LIBAIO", "REALM_USE_SHM", "REALM_VERSION", "REALM_VERSION_MAJOR"], CompositionGaps.DefinedIn(realm).Order(StringComparer.Ordinal));
        var dir = Directory.CreateTempSubdirectory("realm-ci-gaps-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "realm", "cmake"));
            Directory.CreateDirectory(Path.Combine(dir, "copy", "cmake"));
            File.WriteAllText(Path.Combine(dir, "realm", "cmake", "realm_defines.h.in"), realm);
            File.WriteAllText(Path.Combine(dir, "copy", "cmake", "legion.h.in"), legion);
            var gaps = CompositionGaps.Find([new GeneratedHeader(["missing.h.in", "cmake/realm_defines.h.in"], "cmake/legion.h.in")], Path.Combine(dir, "realm"), Path.Combine(dir, "copy"));
            Assert.Equal([("REALM_USE_LIBAIO", true), ("REALM_USE_SHM", true), ("REALM_VERSION_MAJOR", true), ("REALM_USE_CUDART_HIJACK", false)], gaps.Select(g => (g.Macro, g.InRealmOnly)));
            Assert.Equal("cmake/realm_defines.h.in", gaps[0].RealmTemplate); // the first of Realm's paths that exists
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void AFailedTestThatAssertsInCodeTestingAMissingMacroIsTheCompositionsAndTheOthersARealmChange()
    {
        // The real canary of the November Realm (2026-12-07): Legion's generated realm_defines.h lacks REALM_USE_LIBAIO,
        // so AsyncFileIOContext::enqueue_write reaches assert(0); with the planted bug, eleven more tests fail.
        var outputs = new Dictionary<string, string>
        {
            ["attach_file"] = "attach_file: /src/runtime/realm/transfer/lowlevel_dma.cc:423: void Realm::AsyncFileIOContext::enqueue_write(int, size_t, size_t, const void*, Realm::Request*): Assertion `0' failed.",
            ["attach_file_mini"] = "attach_file_mini: /src/runtime/realm/transfer/lowlevel_dma.cc:423: void Realm::AsyncFileIOContext::enqueue_write(…): Assertion `0' failed.",
            ["partitioning"] = "[0 - 7f3fa9062c40]    1.750998 {5}{runtime}: LEGION ERROR: Region requirement 0 of operation check (UID 7) in parent task top_level (UID 2) is using uninitialized data",
        };
        Diagnosis? With(params string[] failed) => FailureDiagnosis.Diagnose("legion", null, failed, Gaps, "/src", p => Copy.GetValueOrDefault(p), t => outputs.GetValueOrDefault(t));

        var artefact = With("attach_file", "attach_file_mini")!;
        Assert.Equal(FailureCause.CompositionArtefact, artefact.Cause);
        Assert.Equal("2 legion test(s) failed: attach_file, attach_file_mini: attach_file, attach_file_mini fail in runtime/realm/transfer/lowlevel_dma.cc, which tests REALM_USE_LIBAIO (not defined by the composed build)", artefact.Text);

        var both = With("attach_file", "partitioning", "attach_file_mini")!;
        Assert.Equal(FailureCause.RealmChange, both.Cause);
        Assert.StartsWith("1 legion test(s) failed that no composition gap explains: partitioning; 2 more are the composition's (not a Realm regression): attach_file, attach_file_mini fail in", both.Text);

        Assert.Equal(FailureCause.Undecided, With("partitioning")!.Cause); // no pointer into the gap's code, but the compiled code does test the macro
        Assert.EndsWith("1 more is the composition's (not a Realm regression): attach_file_mini fails in runtime/realm/transfer/lowlevel_dma.cc, which tests REALM_USE_LIBAIO (not defined by the composed build)",
            With("partitioning", "attach_file_mini")!.Text);
    }
}
