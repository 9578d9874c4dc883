using System.Diagnostics;
using Xunit.Abstractions;

namespace RealmCi.IntegrationTests.Ci;

/// <summary>
/// End to end with gitlab-ci-local's shell executor, the real Docker engine and the fixture,
/// in a throw-away git repository holding a copy of realm-ci: the committed parent pipeline's
/// plan job runs <c>./build.sh --target=Ci --plan</c>, its child pipeline runs two
/// configuration jobs (<c>./build.sh --target=Test …</c>) and the gate. gitlab-ci-local's
/// trigger job passes whatever the child does, so the child is also run directly: its gate
/// passes when both configurations pass and fails when one fails.
/// </summary>
[Collection("engine")]
public sealed class RunningAGitlabPipeline(EngineFixture fx, ITestOutputHelper log) : IDisposable
{
    private readonly string repo = Directory.CreateTempSubdirectory("realm-ci-gitlab-").FullName;

    public void Dispose() => Directory.Delete(repo, recursive: true);

    private (int Code, string Output) GitlabCiLocal(params string[] args)
    {
        var watch = Stopwatch.StartNew();
        var result = CiClients.Run(CiClients.GitlabCiLocal, ["--shell-executor-no-image", .. args], repo, minutes: 15);
        log.WriteLine($"gitlab-ci-local {string.Join(' ', args)}: exit {result.Code} in {watch.Elapsed.TotalSeconds:F1} s");
        return result;
    }

    [Fact]
    public async Task TheGeneratedPipelineRunsTwoConfigurationsAndItsGateFailsWhenOneFails()
    {
        _ = fx; // the engine and the fixture's image are ready
        var total = Stopwatch.StartNew();
        CopyRealmCi(repo);
        var generate = CiClients.Run(Path.Combine(repo, "build.sh"),
            ["--target=Ci", "--ci=gitlab", "--matrix=tests/fixtures/mini-realm/matrix.yaml", "--profile=e2e-pass", "--profile=e2e-fail"], repo);
        Assert.True(generate.Code == 0, generate.Output);
        GitRepository.Init(repo);

        // The parent on an unprotected ref (a merge request's): the plan leaves the self-hosted configuration out.
        var unprotected = GitlabCiLocal("--variable", "REALM_CI_PROFILE=e2e-pass");
        Assert.True(unprotected.Code == 0, unprotected.Output);
        var child = Path.Combine(repo, "realm-ci-e2e-pass.yml");
        Assert.DoesNotContain("debug-local-dim4", File.ReadAllText(child).Split("\nstages:")[1]);
        Assert.Contains("on self-hosted runners wait for an approved commit: debug-local-dim4", File.ReadAllText(child));

        // On a protected ref: the plan job computes the whole child pipeline at run time.
        var parent = GitlabCiLocal("--variable", "REALM_CI_PROFILE=e2e-pass", "--variable", "CI_COMMIT_REF_PROTECTED=true");
        Assert.True(parent.Code == 0, parent.Output);
        Assert.Contains("PASS  realm-ci plan e2e-pass", parent.Output);
        Assert.True(File.Exists(child), parent.Output);

        // The child, as GitLab would run it: two configuration jobs, then the gate.
        var pass = GitlabCiLocal("--file", "realm-ci-e2e-pass.yml");
        Assert.True(pass.Code == 0, pass.Output);
        Assert.Contains("PASS  release-local", pass.Output);
        Assert.Contains("PASS  debug-local-dim4-build", pass.Output);
        Assert.Contains("PASS  debug-local-dim4 ", pass.Output);
        Assert.Contains("realm-ci gate: all 2 job(s) passed", pass.Output);
        // debug-local-dim4 was built by one job and tested by the next from the pack: the test job ran only the tests.
        var fromPack = RealmCi.Reporting.ResultJson.Read(Path.Combine(repo, "realm-ci-artifacts", "debug-local-dim4", "debug-local-dim4", "result.json"));
        Assert.NotNull(fromPack);
        Assert.Equal(["image", "test"], fromPack.Steps.Select(st => st.Name));
        Assert.True(fromPack.Tests.Passed > 0, pass.Output);
        foreach (var file in new[] { "junit.xml", "release-local/result.json", "release-local/reproduce.sh", "release-local/test.log" })
            Assert.True(File.Exists(Path.Combine(repo, "realm-ci-artifacts", "release-local", file)), file);

        // The same with one configuration whose tests fail: the gate fails. No waiting on others: the failing
        // configuration's job holds until another configuration's test job (which needs only its own build)
        // has written a barrier file; were that test job waiting for every build, the barrier would never come.
        // gitlab-ci-local 4.75 starts a job with needs only once the running jobs end (it does not start DAG
        // jobs early), so the two run as two gitlab-ci-local processes: the failing job, and the test job with
        // --needs (the jobs its needs: name, and nothing else).
        Directory.Delete(Path.Combine(repo, "realm-ci-status"), recursive: true);
        Assert.Equal(0, GitlabCiLocal("--variable", "REALM_CI_PROFILE=e2e-fail", "--variable", "CI_COMMIT_REF_PROTECTED=true").Code);
        var failing = Path.Combine(repo, "realm-ci-e2e-fail.yml");
        var text = File.ReadAllText(failing);
        var barrier = Path.Combine(repo, "e2e-barrier"); // outside each job's own copy of the repository
        var wait = $"    - 'for i in $(seq 300); do if [ -f {barrier} ]; then echo e2e-barrier-seen-after-$i-s; break; fi; sleep 1; done'\n";
        var write = $"    - touch {barrier}\n";
        text = Insert(Insert(text, "debug-local-badtest:", wait), "debug-local-dim4:", write);
        File.WriteAllText(failing, text);
        var slow = Task.Run(() => GitlabCiLocal("--file", "realm-ci-e2e-fail.yml", "debug-local-badtest"));
        var other = GitlabCiLocal("--file", "realm-ci-e2e-fail.yml", "--needs", "debug-local-dim4");
        Assert.True(other.Code == 0, other.Output);
        Assert.Contains("PASS  debug-local-dim4-build", other.Output);
        Assert.Contains("PASS  debug-local-dim4", other.Output);
        // (gitlab-ci-local warns, naming every job, that it ignores the needs: pipeline: entry that hands over the build program.)
        Assert.DoesNotContain("debug-local-badtest", string.Join('\n', other.Output.Split('\n').Where(l => !l.Contains("pipeline key not supported", StringComparison.Ordinal))));
        var waited = await slow;
        Assert.Matches(@"> e2e-barrier-seen-after-\d+-s", waited.Output); // the job's output, not its echoed script line
        Assert.Contains("FAIL  debug-local-badtest", waited.Output);

        if (Directory.Exists(Path.Combine(repo, "realm-ci-status"))) Directory.Delete(Path.Combine(repo, "realm-ci-status"), recursive: true);
        var fail = GitlabCiLocal("--file", "realm-ci-e2e-fail.yml");
        Assert.NotEqual(0, fail.Code);
        Assert.Contains("FAIL  debug-local-badtest", fail.Output);
        Assert.Contains("realm-ci gate: release-local passed", fail.Output);
        Assert.Contains("realm-ci gate: debug-local-badtest did not pass", fail.Output);
        Assert.Contains("FAIL  realm-ci gate", fail.Output);
        log.WriteLine($"end to end: {total.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Puts a script line first in a job's <c>script:</c> of a generated child pipeline.</summary>
    private static string Insert(string pipeline, string job, string line)
    {
        var at = pipeline.IndexOf("\n" + job + "\n", StringComparison.Ordinal);
        Assert.True(at >= 0, job);
        var script = pipeline.IndexOf("  script:\n", at, StringComparison.Ordinal) + "  script:\n".Length;
        return pipeline[..script] + line + pipeline[script..];
    }

    /// <summary>realm-ci's sources and compiled build program (its stamp moved to the copy, so build.sh does not rebuild), and the fixture with two profiles and a ci.yaml.</summary>
    internal static void CopyRealmCi(string repo)
    {
        var root = EngineFixture.Root;
        var warm = CiClients.Run(Path.Combine(root, "build.sh"), ["--target=Matrix", $"--matrix={Path.Combine(EngineFixture.FixtureSource, "matrix.yaml")}"], root);
        Assert.True(warm.Code == 0, warm.Output);
        Directory.CreateDirectory(Path.Combine(repo, "tests", "fixtures"));
        var copy = CiClients.Run("cp", ["-a", "build.sh", "cake.config", "global.json", "Directory.Build.props", "Directory.Packages.props", "build", "src", repo], root);
        Assert.True(copy.Code == 0, copy.Output);
        Assert.Equal(0, CiClients.Run("cp", ["-a", EngineFixture.FixtureSource, Path.Combine(repo, "tests", "fixtures")], root).Code);
        foreach (var obj in Directory.GetDirectories(repo, "obj", SearchOption.AllDirectories)) Directory.Delete(obj, recursive: true);
        var stamp = Path.Combine(repo, "build", "bin", "front-door", ".inputs");
        if (File.Exists(stamp)) File.WriteAllText(stamp, File.ReadAllText(stamp).Replace(root + "/", repo + "/"));

        var fixture = Path.Combine(repo, "tests", "fixtures", "mini-realm");
        File.AppendAllText(Path.Combine(fixture, "matrix.yaml"),
            "  e2e-pass:\n    configs: [release-local, debug-local-dim4]\n  e2e-fail:\n    configs: [release-local, debug-local-badtest, debug-local-dim4]\n");
        File.WriteAllText(Path.Combine(fixture, "ci.yaml"), """
            ci:
              realm-ci: { repository: self }
              source: tests/fixtures/mini-realm
              args: [--pull=never]
              triggers: { e2e-pass: [manual], e2e-fail: [manual] }
              runners:
                default: { github: [ubuntu-24.04] }
                rules:
                  # Build once, test many: built by one job with --pack, tested by another from the pack.
                  - { name: gpu, id: debug-local-dim4, github: [self-hosted, gpu], build-on: default }
            """);
        File.WriteAllText(Path.Combine(repo, ".gitignore"), ".gitlab-ci-local/\nrealm-ci-artifacts/\nrealm-ci-status/\n.cache/\nbin/\nobj/\nrealm-ci-*.yml\nrealm-ci-packs/\n");
    }
}
