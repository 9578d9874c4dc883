using RealmCi.CMake;
using RealmCi.Results;
using RealmCi.Warnings;

namespace RealmCi.Tests.Warnings;

/// <summary>Compiler warnings identified by (file, line, flag) from a build log, compared with a baseline.</summary>
public sealed class ComparingCompilerWarnings : InTempFolder
{
    private static readonly WorkLayout Docker = new("/src", "/work");

    private const string Log = """
        [1/40] Building CXX object src/CMakeFiles/realm.dir/realm/runtime_impl.cc.o
        /src/src/realm/runtime_impl.cc: In member function 'void Realm::RuntimeImpl::start()':
        /src/src/realm/runtime_impl.cc:812:9: warning: unused variable 'rc' [-Wunused-variable]
          812 |     int rc = 0;
        /src/src/realm/event_impl.h:44:3: warning: 'x' may be used uninitialized [-Wmaybe-uninitialized]
        /src/src/realm/event_impl.h:44:3: warning: 'x' may be used uninitialized [-Wmaybe-uninitialized]
        /work/build/include/realm/realm_defines.h:3:2: warning: #warning generated [-Wcpp]
        /usr/bin/ld: warning: creating DT_TEXTREL in a PIE
        clang: warning: argument unused during compilation: '-fno-lto' [-Wunused-command-line-argument]
        """;

    [Fact]
    public void EachWarningIsItsFileLineAndFlagOnceRelativeToTheSource()
    {
        var found = CompilerWarning.Parse(Log, Docker.Source, Docker.Work);
        Assert.Equal(
        [
            ("src/realm/runtime_impl.cc", 812, "-Wunused-variable"),
            ("src/realm/event_impl.h", 44, "-Wmaybe-uninitialized"),
            ("work/build/include/realm/realm_defines.h", 3, "-Wcpp"),
        ], found.Select(w => w.Identity));
        Assert.Equal("unused variable 'rc'", found[0].Message);
    }

    [Fact]
    public void ABaselineFileRoundTripsAndOnlyNewIdentitiesCount()
    {
        var found = CompilerWarning.Parse(Log, Docker.Source, Docker.Work);
        var file = Path.Combine(dir, "baseline.txt");
        WarningBaseline.Write(file, found.Skip(1), "committed");
        var baseline = WarningBaseline.Read(file)!;
        Assert.Equal(found.Skip(1).Select(w => w.Identity), baseline.Select(w => w.Identity));

        Assert.Equal([found[0]], WarningBaseline.New(found, baseline));
        // The message's wording does not count; the line does.
        Assert.Empty(WarningBaseline.New([found[1] with { Message = "reworded" }], baseline));
        Assert.Single(WarningBaseline.New([found[1] with { Line = 45 }], baseline));
        Assert.Empty(WarningBaseline.New(found, null)); // no baseline: nothing is new
    }

    private StepResult Check(string log, WarningOptions options, bool full = true, List<string>? lines = null, string[]? targets = null)
    {
        var path = Path.Combine(dir, "build.log");
        File.WriteAllText(path, log);
        var passed = new StepResult(StepKind.Build, StepStatus.Passed, 0, 1, "cmake --build", path);
        return WarningCheck.After(passed, path, Docker, dir, "gcc12-release-local-cpu", Path.Combine(dir, "cache"), options, full, (lines ?? []).Add, targets);
    }

    [Fact]
    public void ABaselineThatBuiltOtherTargetsIsNotComparedWith()
    {
        // The HIP rows once built [realm, realm_unit_tests] only; then everything: the tests' warnings were never compiled before, not new.
        Check("/src/runtime/a.cc:1:1: warning: old [-Wold]\n", new(), targets: ["realm_unit_tests", "realm"]);
        Assert.Equal("realm realm_unit_tests", WarningBaseline.TargetsOf(WarningBaseline.PreviousRun(Path.Combine(dir, "cache"), "gcc12-release-local-cpu")));
        var lines = new List<string>();
        var all = Check("/src/runtime/a.cc:1:1: warning: old [-Wold]\n/src/tests/t.cc:3:1: warning: in a test [-Wunused-variable]\n", new(WarningPolicy.Fail), lines: lines);
        Assert.Equal(StepStatus.Passed, all.Status);
        Assert.Contains(lines, l => l.Contains("not compared with") && l.Contains("it built targets realm realm_unit_tests, this build all") && l.Contains("next run's baseline"));
        Assert.False(File.Exists(Path.Combine(dir, "new-warnings.txt")));
        // This build is the baseline now: the same targets compare again, and a planted warning fails.
        Assert.Equal(StepStatus.Failed, Check("/src/runtime/a.cc:1:1: warning: old [-Wold]\n/src/tests/t.cc:3:1: warning: in a test [-Wunused-variable]\n/src/b.cc:7:2: warning: planted [-Wunused-variable]\n",
            new(WarningPolicy.Fail)).Status);
    }

    [Fact]
    public void ACommittedBaselineWithoutATargetsHeaderIsComparedWith()
    {
        var committed = Path.Combine(dir, "committed-warnings.txt");
        File.WriteAllText(committed, "# by hand\nruntime/a.cc:1: [-Wold] old\n");
        Assert.Null(WarningBaseline.TargetsOf(committed));
        var planted = Check("/src/runtime/a.cc:1:1: warning: old [-Wold]\n/src/b.cc:7:2: warning: planted [-Wunused-variable]\n", new(WarningPolicy.Fail, committed), targets: ["realm"]);
        Assert.Equal(StepStatus.Failed, planted.Status);
        Assert.Contains("b.cc:7", planted.Reason);
    }

    [Fact]
    public void TheFirstFullBuildRecordsTheBaselineAndANewWarningFailsTheNextWithFail()
    {
        var first = Check("/src/a.cc:1:1: warning: old [-Wold]\n", new(WarningPolicy.Fail));
        Assert.Equal(StepStatus.Passed, first.Status);
        Assert.True(File.Exists(WarningBaseline.PreviousRun(Path.Combine(dir, "cache"), "gcc12-release-local-cpu")));

        var lines = new List<string>();
        var second = Check("/src/a.cc:1:1: warning: old [-Wold]\n/src/b.cc:7:2: warning: planted [-Wunused-variable]\n", new(WarningPolicy.Fail), lines: lines);
        Assert.Equal(StepStatus.Failed, second.Status);
        Assert.Contains("1 new compiler warning(s)", second.Reason);
        Assert.Contains("b.cc:7: [-Wunused-variable] planted", second.Reason);
        Assert.Contains("b.cc:7: [-Wunused-variable]", File.ReadAllText(Path.Combine(dir, "new-warnings.txt")));
        Assert.Contains(lines, l => l.Contains("1 new compiler warning(s)"));
        // The failed run did not become the baseline: the rerun fails too.
        Assert.Equal(StepStatus.Failed, Check("/src/b.cc:7:2: warning: planted [-Wunused-variable]\n", new(WarningPolicy.Fail)).Status);
    }

    [Fact]
    public void ReportListsANewWarningWithoutFailingAndAnIncrementalBuildIsNoBaseline()
    {
        Check("/src/a.cc:1:1: warning: old [-Wold]\n", new());
        var report = Check("/src/b.cc:7:2: warning: planted [-Wunused-variable]\n", new(), full: false);
        Assert.Equal(StepStatus.Passed, report.Status);
        Assert.True(File.Exists(Path.Combine(dir, "new-warnings.txt")));
        // The incremental build did not replace the baseline: b.cc is still new next time.
        Assert.Equal(StepStatus.Failed, Check("/src/b.cc:7:2: warning: planted [-Wunused-variable]\n", new(WarningPolicy.Fail)).Status);
    }

    [Fact]
    public void ADownstreamsBuildUnderTheSameIdKeepsItsOwnBaseline()
    {
        // The canary builds Realm, Legion and Legion's copy of Realm's older tests under one Id: each compares with its own last build.
        Check("/src/a.cc:1:1: warning: realm's [-Wold]\n", new());
        var lines = new List<string>();
        Check("/src/runtime/legion.cc:9:1: warning: legion's [-Wshadow]\n", new() { Scope = "legion" }, lines: lines);
        Assert.Contains(lines, l => l.Contains("no baseline yet")); // not compared with Realm's
        Assert.EndsWith(Path.Combine("warnings", "legion", "gcc12-release-local-cpu.txt"), WarningBaseline.PreviousRun(Path.Combine(dir, "cache"), "gcc12-release-local-cpu", "legion"));
        Assert.Equal(StepStatus.Passed, Check("/src/runtime/legion.cc:9:1: warning: legion's [-Wshadow]\n", new(WarningPolicy.Fail) { Scope = "legion" }).Status);
        Assert.Equal(StepStatus.Passed, Check("/src/a.cc:1:1: warning: realm's [-Wold]\n", new(WarningPolicy.Fail)).Status); // Realm's baseline untouched by Legion's
    }

    [Fact]
    public void ABuildOfAnotherCommitUnderTheSameIdIsNoBaseline()
    {
        Check("/src/a.cc:1:1: warning: old [-Wold]\n", new());
        // An ABI baseline's full build (another commit, same Id) with a warning of its own: not remembered.
        Check("/src/b.cc:7:2: warning: planted [-Wunused-variable]\n", new() { Remember = false });
        Assert.DoesNotContain("b.cc", File.ReadAllText(WarningBaseline.PreviousRun(Path.Combine(dir, "cache"), "gcc12-release-local-cpu")));
        Assert.Equal(StepStatus.Failed, Check("/src/b.cc:7:2: warning: planted [-Wunused-variable]\n", new(WarningPolicy.Fail)).Status);
    }

    [Fact]
    public void ACommittedBaselineIsUsedAndAMissingOneIsSaidSo()
    {
        var committed = Path.Combine(dir, "warnings-baseline.txt");
        File.WriteAllText(committed, "# committed\nb.cc:7: [-Wunused-variable] planted\n");
        Assert.Equal(StepStatus.Passed, Check("/src/b.cc:7:2: warning: planted [-Wunused-variable]\n", new(WarningPolicy.Fail, committed)).Status);
        var missing = Check("", new(WarningPolicy.Fail, Path.Combine(dir, "nope.txt")));
        Assert.Equal(StepStatus.Failed, missing.Status);
        Assert.Contains("no such file", missing.Reason);
    }
}
