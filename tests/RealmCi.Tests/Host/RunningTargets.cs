using System.Text.Json;
using RealmCi.Build;
using RealmCi.Build.Host;

namespace RealmCi.Tests.Host;

public class RunningTargets
{
    [Fact]
    public void AnUnknownTargetListsTheKnownOnesAndExitsTwo()
    {
        var run = HostRun.Of("--target=Nope");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown target 'Nope'", run.Err);
        Assert.Contains("Matrix", run.Err);
    }

    [Fact]
    public void AnUnknownOptionSuggestsTheClosestAndExitsTwo()
    {
        var run = HostRun.Of("--profle=pr");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: unknown option '--profle' (did you mean 'profile'?; see --help)", run.Err.Trim());
    }

    [Fact]
    public void AnUnexpectedExceptionIsOneLineAndExitSeventy()
    {
        var run = HostRun.With(typeof(RunningTargets).Assembly, "ProbeC", "--target=ProbeBroken");
        Assert.Equal(70, run.ExitCode);
        Assert.Equal("internal error: System.InvalidOperationException: probe broke on purpose; rerun with --verbosity=diagnostic for the trace", run.Err.Trim());
    }

    [Fact]
    public void ARunOutOfDiskIsOneLineSayingWhatToDoAndExitThree()
    {
        // /dev/full answers every write with ENOSPC: the real errno, as a full artifacts disk gives it.
        var full = Record.Exception(() => File.WriteAllText("/dev/full", new string('x', 100_000)));
        Assert.IsAssignableFrom<IOException>(full);
        var err = new StringWriter();
        Assert.Equal(3, RealmCi.Build.Host.LastResort.Report(new AggregateException(full!), diagnostic: false, err));
        var line = Assert.Single(err.ToString().Trim().Split(Environment.NewLine));
        Assert.StartsWith("error: No space left on device : '/dev/full' — free space and rerun", line);
        Assert.Equal(70, RealmCi.Build.Host.LastResort.Report(new IOException("Broken pipe"), diagnostic: false, new StringWriter()));
    }

    [Fact]
    public void DiagnosticVerbosityAddsTheTraceOfAnUnexpectedException()
    {
        var run = HostRun.With(typeof(RunningTargets).Assembly, "ProbeC", "--target=ProbeBroken", "--verbosity=diagnostic");
        Assert.Equal(70, run.ExitCode);
        Assert.Contains("internal error: System.InvalidOperationException: probe broke on purpose", run.Err);
        Assert.Contains("   at RealmCi.Tests.Host.ProbeBroken.Run", run.Err);
    }

    [Fact]
    public void OptionsAreValidatedBeforeAnyTargetRunsAndAllAtOnce()
    {
        var run = HostRun.Of("--target=Test", "--jobs=abc", "--executor=bogus", "--pull=sometimes", "--step-timeout=-5");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
        [
            "error: --executor=bogus: expected auto, docker or host",
            "error: --pull=sometimes: expected missing or never",
            "error: --jobs=abc: expected a whole number ≥ 1",
            "error: --step-timeout=-5: expected a whole number ≥ 1",
        ], run.Err.Trim().Split(Environment.NewLine));
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void HelpPrintsEveryExitCode()
    {
        var run = HostRun.Of("--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var (code, meaning) in RealmCi.Errors.ExitCodes.Table)
            Assert.Matches($@"(?m)^  {code}\s+{System.Text.RegularExpressions.Regex.Escape(meaning)}$", run.Out);
    }

    [Fact]
    public void DescriptionListsTargetsWithTheirDescriptions()
    {
        var run = HostRun.Of("--description");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"Matrix\s+List the selected configurations", run.Out);
    }

    [Fact]
    public void JsonFormatPutsOnlyJsonOnStandardOutput()
    {
        var run = HostRun.Of("--target=Matrix", "--profile=nightly", "--format=json");
        Assert.Equal(0, run.ExitCode);
        var doc = JsonDocument.Parse(run.Out);
        Assert.True(doc.RootElement.GetArrayLength() > 100);
        var first = doc.RootElement[0];
        Assert.Equal(JsonValueKind.String, first.GetProperty("id").ValueKind);
        Assert.Equal("gcc11", first.GetProperty("axes").GetProperty("compiler").GetString());
        Assert.Equal("ON", first.GetProperty("cmake").GetProperty("REALM_BUILD_TESTS").GetString());
    }

    [Fact]
    public void AnInvalidMatrixFilePrintsFileLineColumnAndExitsTwoWithoutAStackTrace()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "axes:\n  a: { values: { a1: { cmak: {} } } }\n");
        try
        {
            var run = HostRun.Of($"--matrix={file}");
            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"{file}:2:24: unknown key 'cmak'", run.Err);
            Assert.DoesNotContain("   at ", run.Err);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void ALeadingTildeInAPathOptionIsTheHomeFolder()
    {
        var run = HostRun.Of("--matrix=~/realm-ci-no-such-matrix.yaml");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"matrix file not found: {Path.Combine(HostRun.Home, "realm-ci-no-such-matrix.yaml")}", run.Err);
    }

    [Fact]
    public void TheTableNamesTheSelectionAndCountsIt()
    {
        var run = HostRun.Of("--profile=release");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("gcc12-release-local-cpu", run.Out);
        Assert.Matches(@"12 of \d+ valid configurations", run.Out);
    }

    [Fact]
    public void DependenciesRunBeforeTheTargetInOrder()
    {
        OrderProbe.Ran.Clear();
        var run = HostRun.With(typeof(RunningTargets).Assembly, "ProbeC", "--target=ProbeC");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["ProbeA", "ProbeB", "ProbeC"], OrderProbe.Ran);
    }

    [Fact]
    public void AFailingDependencyStopsTheTargetAndExitsWithItsCode()
    {
        OrderProbe.Ran.Clear();
        var run = HostRun.With(typeof(RunningTargets).Assembly, "ProbeC", "--target=ProbeAfterFailure");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["ProbeFail"], OrderProbe.Ran);
        Assert.Contains("error: probe failed on purpose", run.Err);
    }
}

internal static class OrderProbe
{
    public static List<string> Ran { get; } = [];
}

[TaskName("ProbeA")]
public sealed class ProbeA : FrostingTask<BuildContext> { public override void Run(BuildContext c) => OrderProbe.Ran.Add("ProbeA"); }

[TaskName("ProbeB"), IsDependentOn(typeof(ProbeA))]
public sealed class ProbeB : FrostingTask<BuildContext> { public override void Run(BuildContext c) => OrderProbe.Ran.Add("ProbeB"); }

[TaskName("ProbeC"), IsDependentOn(typeof(ProbeB))]
public sealed class ProbeC : FrostingTask<BuildContext> { public override void Run(BuildContext c) => OrderProbe.Ran.Add("ProbeC"); }

[TaskName("ProbeFail")]
public sealed class ProbeFail : FrostingTask<BuildContext>
{
    public override void Run(BuildContext c)
    {
        OrderProbe.Ran.Add("ProbeFail");
        throw new RealmCi.Errors.RealmCiException("probe failed on purpose");
    }
}

[TaskName("ProbeAfterFailure"), IsDependentOn(typeof(ProbeFail))]
public sealed class ProbeAfterFailure : FrostingTask<BuildContext> { public override void Run(BuildContext c) => OrderProbe.Ran.Add("ProbeAfterFailure"); }

[TaskName("ProbeBroken")]
public sealed class ProbeBroken : FrostingTask<BuildContext>
{
    public override void Run(BuildContext c) => throw new InvalidOperationException("probe broke\non purpose");
}
