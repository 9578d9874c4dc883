using RealmCi.Ci;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Ci;

/// <summary>The README's job counts for Realm's <c>pr</c> pipeline are computed from the plan here, not typed.</summary>
public class TheReadmeFigures
{
    private static string RealmMatrix => Path.Combine(Yaml.RepoRoot, "matrix", "realm.yaml");

    private static Dictionary<string, int> Counts(bool untrusted) =>
        CiGenerator.Plan(new CiRequest { Platform = CiPlatform.Github, MatrixFile = RealmMatrix, Root = Yaml.RepoRoot, Profiles = ["pr"], Output = "", Untrusted = untrusted })
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("count-", StringComparison.Ordinal))
            .ToDictionary(l => l["count-".Length..l.IndexOf('=')], l => int.Parse(l[(l.IndexOf('=') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void ThePrRunnerHoursTableMatchesThePlan()
    {
        var readme = File.ReadAllText(Path.Combine(Yaml.RepoRoot, "README.md"));
        var untrusted = Counts(untrusted: true);
        Assert.Equal(["default"], untrusted.Keys);
        Assert.Contains($"| `pr` on a pull request (hosted runners only) | {1 + untrusted["default"] + 1} | 0 |", readme);

        var trusted = Counts(untrusted: false);
        var split = trusted.Where(c => c.Key.Contains("-built-on-", StringComparison.Ordinal)).Sum(c => c.Value);
        var whole = trusted.Where(c => !c.Key.Contains("-built-on-", StringComparison.Ordinal)).Sum(c => c.Value);
        var gpu = trusted.Where(c => c.Key != "default").Sum(c => c.Value);
        var jobs = 1 + 1 + whole + 2 * split + 1; // plan, ci-files, one job each or a build + test pair, gate
        Assert.Contains($"| `pr` on an approved `pull-request/N` push | {jobs} | {gpu} |", readme);
    }

    // Measured by tests/RealmCi.IntegrationTests/Ci/HandingOverTheProgram.cs on 2026-12-06 (gitlab-ci-local, the fixture,
    // one cached configuration job, the shared 2-core machine at load ~20): the job compiling the build program, and with
    // the plan job's program handed over. The SDK install cannot be measured here (no internet): an estimate.
    private const int BeforeSeconds = 416, AfterSeconds = 31, SdkSeconds = 45;

    private const int CompileSeconds = BeforeSeconds - AfterSeconds;

    private static string Hours(double seconds) => (seconds / 3600).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " h";

    [Fact]
    public void ThePrRunnerHoursBeforeAndAfterHandingOverTheProgramMatchThePlanAndTheMeasuredOverheads()
    {
        var readme = File.ReadAllText(Path.Combine(Yaml.RepoRoot, "README.md"));
        const int before = BeforeSeconds + SdkSeconds, after = AfterSeconds + SdkSeconds;
        Assert.Contains($"| overhead before ({before} s a job) | after ({after} s a job + one compile) |", readme);
        Assert.Contains($"before**, the job compiles the build program: {BeforeSeconds} s; **after**", readme);
        Assert.Contains($"handed over (every source given a new time, as a checkout does): {AfterSeconds} s — the compile ({CompileSeconds} s)", readme);

        // Jobs that run ./build.sh: the plan job and every configuration job (a split one: build + test); not the gate or the CI-files check.
        var untrusted = Counts(untrusted: true)["default"] + 1;
        Assert.Contains($"| `pr` on a pull request (hosted runners only) | {untrusted + 1} | 0 | {Hours(untrusted * before)} | {Hours(CompileSeconds + untrusted * after)} |", readme);

        var trusted = Counts(untrusted: false);
        var split = trusted.Where(c => c.Key.Contains("-built-on-", StringComparison.Ordinal)).Sum(c => c.Value);
        var whole = trusted.Where(c => !c.Key.Contains("-built-on-", StringComparison.Ordinal)).Sum(c => c.Value);
        var gpu = trusted.Where(c => c.Key != "default").Sum(c => c.Value); // each GPU configuration's job on the GPU runner
        var running = 1 + whole + 2 * split;
        Assert.Contains($"| `pr` on an approved `pull-request/N` push | {running + 2} | {gpu} | {Hours(running * before)} ({Hours(gpu * before)} on GPU runners) "
            + $"| {Hours(CompileSeconds + running * after)} ({Hours(gpu * after)} on GPU runners) |", readme);
    }

    [Fact]
    public void TheNightlyGitlabJobCountsMatchThePlan()
    {
        var child = CiGenerator.Plan(new CiRequest { Platform = CiPlatform.Gitlab, MatrixFile = RealmMatrix, Root = Yaml.RepoRoot, Profiles = ["nightly"], Output = "" });
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        yaml.Load(new StringReader(child));
        var root = (YamlDotNet.RepresentationModel.YamlMappingNode)yaml.Documents[0].RootNode;
        // Each configuration job's runner, by its tags (the gate runs on the default runner too: left out).
        var jobs = root.Children.Where(c => c.Key.ToString() != GitlabPipeline.Gate && c.Value is YamlDotNet.RepresentationModel.YamlMappingNode m && m.Children.ContainsKey("script"))
            .Select(c => ((YamlDotNet.RepresentationModel.YamlSequenceNode)((YamlDotNet.RepresentationModel.YamlMappingNode)c.Value)["tags"]).Children[0].ToString()).ToList();
        int Count(string runner) => jobs.Count(j => j == runner);
        var readme = File.ReadAllText(Path.Combine(Yaml.RepoRoot, "README.md"));
        Assert.Contains($"becomes {jobs.Count} GitLab jobs: {Count("docker-shell")} CPU, {Count("gpu-nvidia")} NVIDIA, {Count("gpu-amd")} AMD.", readme);
    }
}
