using RealmCi.Results;
using System.Diagnostics;
using RealmCi.CMake;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Bisect;

/// <summary>
/// The fixture project with a history (tests/fixtures/mini-realm-history.sh): 30 commits after
/// v0.3.0, change 22 breaks unit.max_dim, change 15 does not compile.
/// </summary>
internal static class FixtureHistory
{
    public static string Create(string dest, int commits = 30, int breaks = 22, int broken = 15)
    {
        var script = Path.Combine(Yaml.RepoRoot, "tests", "fixtures", "mini-realm-history.sh");
        var p = Process.Start(new ProcessStartInfo("bash", [script, dest, $"{commits}", $"{breaks}", $"{broken}"]) { RedirectStandardError = true })!;
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, error);
        return dest;
    }

    public static string Git(string repo, params string[] args)
    {
        var p = Process.Start(new ProcessStartInfo("git", ["-C", repo, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output.Trim();
    }

    /// <summary>A stand-in for the pipeline: judges the clone's checked-out source the way the real build would.</summary>
    public static ConfigurationResult FakeBuild(string clone, string commit, List<string> built)
    {
        built.Add(commit);
        var source = File.ReadAllText(Path.Combine(clone, "src", "realm.cc"));
        StepResult Step(StepKind kind, bool ok) => new(kind, ok ? StepStatus.Passed : StepStatus.Failed, ok ? 0 : 1, 1, "x", null);
        if (source.Contains("work_in_progress(", StringComparison.Ordinal))
            return new("release-local", ConfigurationStatus.Failed, [Step(StepKind.Configure, true), Step(StepKind.Build, false)], [], "img", ExecutorKind.Docker, DateTimeOffset.UtcNow, 2, "/a", "r");
        var broken = source.Contains("REALM_MAX_DIM + 1", StringComparison.Ordinal);
        return new("release-local", broken ? ConfigurationStatus.Failed : ConfigurationStatus.Passed,
            [Step(StepKind.Configure, true), Step(StepKind.Build, true), Step(StepKind.Test, !broken)],
            [new TestCaseResult("unit.version", TestStatus.Passed, 0.01), new TestCaseResult("unit.max_dim", broken ? TestStatus.Failed : TestStatus.Passed, 0.02, broken ? "exit code 1" : null)],
            "img", ExecutorKind.Docker, DateTimeOffset.UtcNow, 3, "/a", "r");
    }
}
