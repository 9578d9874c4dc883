using System.Diagnostics;
using Xunit.Abstractions;

namespace RealmCi.IntegrationTests.Ci;

/// <summary>
/// The per-job overhead with and without the plan job's compiled build program, measured with
/// gitlab-ci-local on the fixture pipeline: one configuration job (release-local, a result-cache
/// hit both times, so only the overhead differs), run (after) with the program handed over — the
/// same build output, every source given a new time as a fresh checkout does — and (before) with
/// no program, so the job's build.sh compiles it. Times go to the test log (README.md, "Runner-hours").
/// </summary>
[Collection("engine")]
public sealed class HandingOverTheProgram(EngineFixture fx, ITestOutputHelper log) : IDisposable
{
    private readonly string repo = Directory.CreateTempSubdirectory("realm-ci-handover-").FullName;

    public void Dispose() => Directory.Delete(repo, recursive: true);

    private (int Code, string Output, double Seconds) Job(string name)
    {
        var watch = Stopwatch.StartNew();
        var (code, output) = CiClients.Run(CiClients.GitlabCiLocal, ["--shell-executor-no-image", "--file", "realm-ci-e2e-pass.yml", name], repo, minutes: 15);
        return (code, output, watch.Elapsed.TotalSeconds);
    }

    /// <summary>What a checkout does to the handed-over program's stamp: every source gets a new time.</summary>
    private void Checkout()
    {
        var now = DateTime.UtcNow;
        foreach (var folder in new[] { "build", "src" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(repo, folder), "*", SearchOption.AllDirectories))
                if (!file.Contains("/bin/", StringComparison.Ordinal) && !file.Contains("/obj/", StringComparison.Ordinal)) File.SetLastWriteTimeUtc(file, now);
    }

    [Fact]
    public void AJobWithTheHandedOverProgramDoesNotCompileIt()
    {
        _ = fx;
        RunningAGitlabPipeline.CopyRealmCi(repo);
        var generate = CiClients.Run(Path.Combine(repo, "build.sh"),
            ["--target=Ci", "--ci=gitlab", "--matrix=tests/fixtures/mini-realm/matrix.yaml", "--profile=e2e-pass"], repo);
        Assert.True(generate.Code == 0, generate.Output);
        GitRepository.Init(repo);
        var plan = CiClients.Run(CiClients.GitlabCiLocal, ["--shell-executor-no-image", "--variable", "REALM_CI_PROFILE=e2e-pass", "--variable", "CI_COMMIT_REF_PROTECTED=true"], repo, minutes: 15);
        Assert.True(plan.Code == 0, plan.Output);
        var program = Path.Combine(repo, "build", "bin", "front-door");
        Assert.True(File.Exists(Path.Combine(program, ".inputs.sha256")), "the plan job's program has no digest");

        var warm = Job("release-local"); // fills the result cache, so both measured runs are hits
        Assert.True(warm.Code == 0, warm.Output);
        log.WriteLine($"the job's first run (image, configure, build, test): {warm.Seconds:F1} s");

        Checkout();
        var after = Job("release-local");
        Assert.True(after.Code == 0, after.Output);
        Assert.DoesNotContain("building the build program", after.Output);
        Assert.Contains("cached", after.Output);

        Directory.Delete(Path.Combine(repo, "build", "bin"), recursive: true);
        if (Directory.Exists(Path.Combine(repo, "build", "obj"))) Directory.Delete(Path.Combine(repo, "build", "obj"), recursive: true);
        var before = Job("release-local");
        Assert.True(before.Code == 0, before.Output);
        Assert.Contains("building the build program", before.Output);

        // A program built for another runtime (a runner of another architecture) is not taken.
        Checkout();
        var digest = Path.Combine(program, ".inputs.sha256");
        File.WriteAllText(digest, File.ReadAllText(digest).Replace("runtime linux-x64", "runtime linux-riscv64"));
        var foreign = CiClients.Run(Path.Combine(repo, "build.sh"), ["--version"], repo);
        Assert.Contains("building the build program", foreign.Output);
        log.WriteLine($"per-job time of a cached configuration job: after (program handed over) {after.Seconds:F1} s, before (the job compiles it) {before.Seconds:F1} s");
    }
}
