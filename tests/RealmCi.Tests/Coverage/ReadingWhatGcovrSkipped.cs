using RealmCi.CodeCoverage;

namespace RealmCi.Tests.CodeCoverage;

/// <summary>gcovr's log of the real canary's Legion capture (non-atomic counters): what it could not parse is counted and named.</summary>
public class ReadingWhatGcovrSkipped
{
    private const string Log = """
        (WARNING) Unrecognized GCOV output for /src/runtime/realm/deppart/sparsity_impl.cc
        	  branch  1 taken -1
        	  branch  1 taken -147 (fallthrough)
        	This is indicative of a gcov output parse error.
        (WARNING) Exception during parsing:
        	UnknownLineType: branch  1 taken -1
        (WARNING) Exception during parsing:
        	UnknownLineType: branch  1 taken -147 (fallthrough)
        (WARNING) Unrecognized GCOV output for /src/examples/ghost_pull/ghost.cc
        	  branch  5 taken -22242
        (WARNING) Exception during parsing:
        	UnknownLineType: branch  5 taken -22242
        lines: 41.6% (69993 out of 168223)
        """;

    [Fact]
    public void SkippedLinesAreCountedWithTheirFiles()
    {
        var skips = GcovrSkips.Read(Log);
        Assert.Equal(3, skips.Lines);
        Assert.Equal(["/src/runtime/realm/deppart/sparsity_impl.cc", "/src/examples/ghost_pull/ghost.cc"], skips.Files);
        Assert.Equal("gcovr skipped 3 line(s) of gcov output it could not parse, in 2 file(s) (e.g. `branch  1 taken -1`: a count below zero): "
            + "`/src/runtime/realm/deppart/sparsity_impl.cc`, `/src/examples/ghost_pull/ghost.cc`; see coverage.log.", skips.Note);
    }

    [Fact]
    public void ACleanLogSaysNothing() => Assert.Null(GcovrSkips.Read("lines: 61.3% (26866 out of 43792)\n").Note);

    [Fact]
    public void TheSummaryCarriesTheNote()
    {
        var folder = Directory.CreateTempSubdirectory("realm-ci-gcovr-skips-").FullName;
        File.WriteAllText(Path.Combine(folder, CoverageBuild.Json), """{"gcovr/format_version": "0.3", "files": []}""");
        File.WriteAllText(Path.Combine(folder, "coverage.log"), Log);
        Assert.StartsWith("gcovr skipped 3 line(s)", CoverageBuild.WriteMarkdown(folder, "x"));
        Assert.Contains("gcovr skipped 3 line(s)", File.ReadAllText(Path.Combine(folder, CoverageBuild.Markdown)));
        File.WriteAllText(Path.Combine(folder, "coverage.log"), "lines: 1%\n");
        Assert.Null(CoverageBuild.WriteMarkdown(folder, "x"));
        Assert.DoesNotContain("skipped", File.ReadAllText(Path.Combine(folder, CoverageBuild.Markdown)));
    }
}
