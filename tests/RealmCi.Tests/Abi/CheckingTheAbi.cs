using System.Collections.Immutable;
using RealmCi.Abi;
using RealmCi.Execution;
using RealmCi.Matrix;
using RealmCi.Results;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Abi;

/// <summary>
/// --abi-baseline's pure parts: the matrix's abi section, the configuration built for it, the ABI
/// step in the plan, and the verdict read from abi-compliance-checker's XML (recorded from the
/// fixture: realm::sum removed, then realm::max_dim's return type changed from int to long).
/// </summary>
public class CheckingTheAbi : InTempFolder
{
    private static readonly AbiLibrary Library = new("lib/librealm.so", "realm", ["abi-dumper", "abi-compliance-checker"], SourceSpan.None("m.yaml"));

    private static readonly BuildConfiguration Config = new("gcc12-debug", [], new BaseImage("b", "debian:bookworm", null, "apt", SourceSpan.None("m.yaml")),
        Facets.Empty with { Cmake = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("CMAKE_CXX_FLAGS", "-Wall"), KeyValuePair.Create("BUILD_SHARED_LIBS", "OFF")]), Packages = ["g++"] });

    [Fact]
    public void TheMatrixNamesTheLibraryItsReportNameAndPackages()
    {
        var abi = Yaml.Open(Yaml.Small + "abi: { library: lib/librealm.so, name: realm, packages: [abi-dumper, abi-compliance-checker] }\n").Definition.Abi;
        Assert.Equal(("lib/librealm.so", "realm", "abi-dumper,abi-compliance-checker"), (abi!.Library, abi.Name, string.Join(",", abi.Packages)));
        Assert.Null(Yaml.Open(Yaml.Small).Definition.Abi);
        Assert.NotNull(Yaml.Open(File.ReadAllText(Yaml.RealmMatrixPath)).Definition.Abi);
    }

    [Fact]
    public void ALibraryOutsideTheInstallPrefixOrAMissingNameIsReportedWhereItStands()
    {
        Assert.Equal("m.yaml:5:17: abi: library '/usr/lib/librealm.so' must be a path inside the install prefix (relative, no '..')",
            Assert.Single(Yaml.Errors(Yaml.Small + "abi: { library: /usr/lib/librealm.so, name: realm }\n")).ToString());
        Assert.StartsWith("m.yaml:5:6: abi needs 'name'", Assert.Single(Yaml.Errors(Yaml.Small + "abi: { library: lib/librealm.so }\n")).ToString());
    }

    [Fact]
    public void TheConfigurationIsBuiltSharedWithDebugInformationAndTheToolsInItsImage()
    {
        var c = AbiBuild.Prepare(Config, new AbiOptions(Library, "v1"));
        Assert.Equal(("ON", "-Wall -g", "-g"), (c.Settings.Cmake["BUILD_SHARED_LIBS"], c.Settings.Cmake["CMAKE_CXX_FLAGS"], c.Settings.Cmake["CMAKE_C_FLAGS"]));
        Assert.Equal(["g++", "abi-dumper", "abi-compliance-checker"], c.Settings.Packages.ToArray());
        var twice = AbiBuild.Prepare(c, new AbiOptions(Library, "v1")).Settings; // once
        Assert.Equal((c.Settings.Cmake["CMAKE_CXX_FLAGS"], c.Settings.Cmake["CMAKE_C_FLAGS"]), (twice.Cmake["CMAKE_CXX_FLAGS"], twice.Cmake["CMAKE_C_FLAGS"]));
        Assert.Equal(c.Settings.Packages.ToArray(), twice.Packages.ToArray());
        Assert.Equal(Config.Id, c.Id);
        Assert.False(c.Settings.Env.ContainsKey("REALM_CI_ABI_BASELINE"));
        // The run under test: the baseline's commit joins the configuration (and so the result-cache key).
        var checkedOne = AbiBuild.Prepare(Config, new AbiOptions(Library, "under-test") { BaselineArtifacts = "/a/abi-baseline/artifacts", BaselineCommit = "abc123" });
        Assert.Equal("abc123", checkedOne.Settings.Env["REALM_CI_ABI_BASELINE"]);
        Assert.NotEqual(RealmCi.Caching.CacheKey.Compute(c, "src", null, "img", false, false), RealmCi.Caching.CacheKey.Compute(checkedOne, "src", null, "img", false, false));
    }

    [Fact]
    public void TheAbiStepComesAfterInstallWithEveryPathAnArgumentOfAFixedScript()
    {
        var abi = new AbiOptions(Library, "under-test") { BaselineArtifacts = "/a/abi-baseline/artifacts" };
        var options = new PipelineOptions { Source = "/s", Artifacts = "/a", Cache = "/c", Abi = abi };
        var plan = StepPlanner.Plan(AbiBuild.Prepare(Config, abi), options, ExecutorLayout.Host("/s", "/a/gcc12-debug", "/c/ccache", false), 2);
        Assert.Equal([StepKind.Configure, StepKind.Build, StepKind.Test, StepKind.Install, StepKind.Abi], plan.Steps.Select(s => s.Kind));
        var command = plan.Step(StepKind.Abi).Command;
        Assert.Equal(["sh", "-ec"], command.Take(2));
        Assert.Equal(["realm-ci-abi", "/a/gcc12-debug/install/lib/librealm.so", "realm", "under-test", "/a/gcc12-debug/abi.dump", "/a/gcc12-debug/abi-baseline.dump",
            "/a/gcc12-debug/abi-report.html", "/a/gcc12-debug/abi-report.xml", "/a/gcc12-debug/abi-symbols.txt"], command.Skip(3));
        Assert.DoesNotContain("/a/", command[2]); // the script itself names no path
        Assert.Contains(plan.For(runTests: false), s => s.Kind == StepKind.Abi);
        // The baseline's own run dumps only: no baseline argument.
        var dumpOnly = StepPlanner.Plan(Config, options with { Abi = new AbiOptions(Library, "v1") }, ExecutorLayout.Host("/s", "/a/x", "/c", false), 2).Step(StepKind.Abi).Command;
        Assert.Equal("", dumpOnly[8]);
        Assert.DoesNotContain(StepPlanner.Plan(Config, options with { Abi = null }, ExecutorLayout.Host("/s", "/a/x", "/c", false), 2).Steps, s => s.Kind == StepKind.Abi);
    }

    [Fact]
    public void TheReproduceCommandAsksForTheSameBaseline()
    {
        var options = new PipelineOptions { Source = "/s", Artifacts = "/a", Cache = "/c" };
        Assert.Contains("--abi-baseline=v25.8.0", ReproduceCommand.Line(options with { Abi = new AbiOptions(Library, "under-test") { Reference = "v25.8.0" } }, "gcc12-debug", ExecutorKind.Docker));
        Assert.DoesNotContain("--abi-baseline", ReproduceCommand.Line(options, "gcc12-debug", ExecutorKind.Docker));
    }

    [Fact]
    public void ARemovedSymbolIsNamedDemangled()
    {
        var v = AbiReport.Parse(Removed, "_ZN5realm3sumEPKii\trealm::sum(int const*, int)\n", "v0.3.0 (0123456789ab)", "/a/x/abi-report.html");
        Assert.False(v.Compatible);
        Assert.Equal(["realm::sum(int const*, int)"], v.Removed);
        Assert.Empty(v.Changed);
        Assert.Equal("incompatible with v0.3.0 (0123456789ab): 1 removed: realm::sum(int const*, int) (report: /a/x/abi-report.html)", v.Describe());
    }

    [Fact]
    public void AChangedReturnTypeIsAMediumProblemAndLowOnesDoNotCount()
    {
        var v = AbiReport.Parse(Changed, null, "HEAD~1", "r.html");
        Assert.Equal(("incompatible", 0), (v.Verdict, v.Removed.Count));
        Assert.Equal(["_ZN5realm7max_dimEv"], v.Changed); // without abi-symbols.txt the mangled name stands
        Assert.Equal("incompatible with HEAD~1: 1 changed: _ZN5realm7max_dimEv (report: r.html)", v.Describe());
        var compatible = AbiReport.Parse(Changed.Replace("incompatible", "compatible").Replace("severity=\"Medium\"", "severity=\"Low\""), null, "HEAD", "r.html");
        Assert.True(compatible.Compatible);
        Assert.Empty(compatible.Changed);
        Assert.Equal("compatible with HEAD", compatible.Describe());
    }

    [Fact]
    public void AfterTheStepAnIncompatibleVerdictFailsItWithTheNamesAndACompatibleOnePasses()
    {
        var abi = new AbiOptions(Library, "under-test") { BaselineArtifacts = "/nowhere", Baseline = "v1 (abc)" };
        var failed = new StepResult(StepKind.Abi, StepStatus.Failed, 1, 1, "sh", "abi.log", "exit code 1");
        File.WriteAllText(Path.Combine(dir, AbiFiles.Xml), Removed);
        File.WriteAllText(Path.Combine(dir, AbiFiles.Symbols), "_ZN5realm3sumEPKii\trealm::sum(int const*, int)\n");
        var logged = new List<string>();
        var (step, verdict) = AbiCheck.After(failed, abi, dir, "gcc12-debug", logged.Add);
        Assert.Equal(StepStatus.Failed, step.Status);
        Assert.StartsWith("ABI incompatible with v1 (abc): 1 removed: realm::sum(int const*, int)", step.Reason);
        Assert.Equal(["realm::sum(int const*, int)"], verdict!.Removed);
        Assert.StartsWith("gcc12-debug: ABI incompatible", Assert.Single(logged));

        File.WriteAllText(Path.Combine(dir, AbiFiles.Xml), Removed.Replace("<verdict>incompatible", "<verdict>compatible"));
        var passed = failed with { Status = StepStatus.Passed, ExitCode = 0, Reason = null };
        Assert.Equal(StepStatus.Passed, AbiCheck.After(passed, abi, dir, "gcc12-debug", _ => { }).Step.Status);

        // The tools failed (no report): the step's own failure stands; a pass without a report is a failure.
        File.Delete(Path.Combine(dir, AbiFiles.Xml));
        Assert.Equal((failed, (AbiVerdict?)null), AbiCheck.After(failed, abi, dir, "gcc12-debug", _ => { }));
        Assert.Equal("the ABI step wrote no report", AbiCheck.After(passed, abi, dir, "gcc12-debug", _ => { }).Step.Reason);
    }

    private const string Removed = """
        <?xml version="1.0" encoding="utf-8"?>
        <report kind="binary" version="1.2">
        <test_results>
          <libs><name>librealm.so.0.3.0</name></libs>
          <symbols>3</symbols>
          <verdict>incompatible</verdict>
          <affected>33.3</affected>
        </test_results>
        <added_symbols>
        </added_symbols>
        <removed_symbols>
          <header name="realm.cc">
            <library name="librealm.so.0.3.0">
              <name>_ZN5realm3sumEPKii</name>
            </library>
          </header>
        </removed_symbols>
        <problems_with_symbols severity="High">
        </problems_with_symbols>
        </report>
        """;

    private const string Changed = """
        <?xml version="1.0" encoding="utf-8"?>
        <report kind="binary" version="1.2">
        <test_results>
          <verdict>incompatible</verdict>
        </test_results>
        <removed_symbols>
        </removed_symbols>
        <problems_with_symbols severity="Medium">
          <header name="realm.cc">
            <library name="librealm.so.0.3.0">
              <symbol name="_ZN5realm7max_dimEv">
                <problem id="Return_Type_And_Size">
                  <change old_value="int" old_size="32" new_value="long" new_size="64">Type of return value has been changed from @old_value (@old_size) to @new_value (@new_size).</change>
                </problem>
              </symbol>
            </library>
          </header>
        </problems_with_symbols>
        <problems_with_symbols severity="Low">
          <header name="realm.cc"><library name="librealm.so.0.3.0"><symbol name="_ZN5realm7versionEv"><problem id="x"/></symbol></library></header>
        </problems_with_symbols>
        </report>
        """;

    // The shape of abi-compliance-checker 2.3's binary report on the real November Realm against v25.8.0 (2026-12-07),
    // cut down: the unescaped "<built-in>" header name made the whole report unreadable, and a template type name
    // (invented here) puts '<' in an attribute.
    private const string RealReportShape = """
        <?xml version="1.0" encoding="utf-8"?>
        <report kind="binary" version="1.2">
        <test_results>
          <headers>
            <name><built-in></name>
            <name>activemsg.h</name>
          </headers>
          <symbols>925</symbols>
          <verdict>incompatible</verdict>
        </test_results>
        <removed_symbols>
        </removed_symbols>
        <problems_with_symbols severity="High">
          <header name="realm_c.cc">
            <library name="librealm.so.25.8.0">
              <symbol name="realm_event_wait">
                <problem id="Added_Middle_Parameter">
                  <change target="max_ns" param_type="int64_t">Parameter @target of type @param_type has been added to the calling stack at the middle position.</change>
                </problem>
              </symbol>
            </library>
          </header>
        </problems_with_symbols>
        <problems_with_types severity="Medium">
          <header name="inst_impl.h">
            <type name="Realm::RegionInstanceImpl">
              <affected>
                <symbol name="_ZN5Realm10MemoryImpl12get_instanceENS_2IDE" param="retval"></symbol>
              </affected>
            </type>
            <type name="Realm::Rect<1, long long> & co"></type>
          </header>
        </problems_with_types>
        <problems_with_types severity="Low">
          <header name="inst_impl.h"><type name="Realm::RegionInstanceImpl::Metadata"></type></header>
        </problems_with_types>
        </report>
        """;

    [Fact]
    public void TheRealReportsUnescapedNamesAreReadAndTheHighSeverityBreakComesFirst()
    {
        var verdict = AbiReport.Parse(RealReportShape, "_ZN5Realm10MemoryImpl12get_instanceENS_2IDE\tRealm::MemoryImpl::get_instance(Realm::ID)\n", "v25.8.0 (64c695016783)", "/a/abi-report.html");
        Assert.False(verdict.Compatible);
        Assert.Empty(verdict.Removed);
        Assert.Equal(["realm_event_wait", "Realm::MemoryImpl::get_instance(Realm::ID)", "Realm::Rect<1, long long> & co", "Realm::RegionInstanceImpl"], verdict.Changed);
        Assert.StartsWith("incompatible with v25.8.0 (64c695016783): 4 changed: realm_event_wait; ", verdict.Describe());
        Assert.Throws<System.Xml.XmlException>(() => System.Xml.Linq.XDocument.Parse(RealReportShape)); // as written, not XML
    }
}
