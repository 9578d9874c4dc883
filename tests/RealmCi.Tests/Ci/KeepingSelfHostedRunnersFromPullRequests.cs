using System.Text.Json;
using RealmCi.Ci;
using RealmCi.Errors;
using YamlDotNet.RepresentationModel;

namespace RealmCi.Tests.Ci;

/// <summary>
/// The trust boundary, read from the generated files as a fork's author would: a workflow
/// that <c>pull_request</c> starts (it runs the request's own files) reaches no self-hosted
/// runner, not through a job's <c>runs-on</c> nor through the job workflow it calls; the
/// approved workflow (pushes to pull-request/N) does; GitLab keeps them to protected refs.
/// </summary>
public class KeepingSelfHostedRunnersFromPullRequests : CiFolder
{
    private const string Gpu =
        "ci:\n  triggers: { pr: [pr, approved], two: [pr] }\n  runners:\n    default: { github: [ubuntu-24.04], gitlab: [docker] }\n    rules:\n"
        + "      - { name: gpu, when: { network: fake2 }, self-hosted: true, github: [self-hosted, gpu], gitlab: [gpu], build-on: default }\n"
        + "      - { name: big, id: debug-local-badtest, self-hosted: true, github: [linux, big], gitlab: [big] }\n";

    /// <summary>Every runner-label set a workflow's jobs can land on; throws when one is not written out (an expression the file does not pin).</summary>
    private static List<string[]> ReachableRunners(YamlMappingNode workflow, IReadOnlyList<(string Path, string Text)> files)
    {
        var reached = new List<string[]>();
        foreach (var (_, node) in ((YamlMappingNode)workflow["jobs"]).Children)
        {
            var job = (YamlMappingNode)node;
            if (job.Children.TryGetValue("runs-on", out var runsOn))
            {
                Assert.DoesNotContain("${{", runsOn.ToString());
                reached.Add(runsOn is YamlSequenceNode seq ? seq.Children.Select(c => c.ToString()).ToArray() : [runsOn.ToString()]);
                continue;
            }
            var uses = job["uses"].ToString();
            Assert.StartsWith("./", uses); // a local job workflow: follow it
            var called = Parse(files.Single(f => f.Path == uses[2..]).Text);
            var with = (YamlMappingNode)job["with"];
            foreach (var (_, calledJob) in ((YamlMappingNode)called["jobs"]).Children)
            {
                var input = ((YamlMappingNode)calledJob)["runs-on"].ToString();
                var name = System.Text.RegularExpressions.Regex.Match(input, @"^\$\{\{ fromJSON\(inputs\.([a-z-]+)\) \}\}$").Groups[1].Value;
                Assert.NotEqual("", name); // the called workflow's runners come from its inputs only
                var value = with.Children.TryGetValue(name, out var v) ? v.ToString() : "[]";
                Assert.DoesNotContain("${{", value);
                var labels = JsonSerializer.Deserialize<string[]>(value)!;
                if (labels.Length > 0) reached.Add(labels);
            }
        }
        return reached;
    }

    private static bool StartedByPullRequest(YamlMappingNode workflow) =>
        ((YamlMappingNode)workflow["on"]).Children.Keys.Select(k => k.ToString()).Any(k => k is "pull_request" or "pull_request_target");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NoSelfHostedRunnerIsReachableFromAPullRequestWorkflow(bool isStatic)
    {
        Settings(Gpu);
        var settings = CiSettingsReader.LoadFile(Path.Combine(dir, "matrix", "ci.yaml"));
        var selfHosted = settings.AllRunners.Where(r => r.SelfHosted).Select(r => string.Join(',', r.Github)).ToHashSet();
        var files = CiGenerator.Files(Request(CiPlatform.Github, isStatic, "pr", "two"));
        var pullRequest = files.Where(f => f.Path.StartsWith(".github/workflows/", StringComparison.Ordinal) && f.Path != GithubJobWorkflow.FileName)
            .Select(f => Parse(f.Text)).Where(StartedByPullRequest).ToList();
        Assert.Equal(2, pullRequest.Count);
        foreach (var workflow in pullRequest)
            foreach (var labels in ReachableRunners(workflow, files))
            {
                Assert.DoesNotContain(string.Join(',', labels), selfHosted);
                Assert.DoesNotContain("self-hosted", labels);
            }

        // The approved workflow does reach them: the check above is not vacuous.
        var approved = Parse(files.Single(f => f.Path == GithubWorkflow.FileName("pr")).Text);
        Assert.False(StartedByPullRequest(approved));
        Assert.Equal("pull-request/[0-9]+", ((YamlMappingNode)((YamlMappingNode)approved["on"])["push"])["branches"][0].ToString());
        Assert.Contains(ReachableRunners(approved, files), l => string.Join(',', l) == "self-hosted,gpu");
    }

    [Fact]
    public void TheUntrustedPlanLeavesOutEveryConfigurationThatNeedsASelfHostedRunnerAndSaysSo()
    {
        Settings(Gpu);
        var plan = CiGenerator.Plan(Request(CiPlatform.Github, false, "pr") with { Untrusted = true });
        Assert.DoesNotContain("gpu", plan);
        Assert.DoesNotContain("big", plan);
        Assert.Contains("\"release-local\"", plan);
        var gitlab = CiGenerator.Plan(Request(CiPlatform.Gitlab, false, "pr") with { Untrusted = true });
        Assert.Contains("on self-hosted runners wait for an approved commit", gitlab);
        Assert.DoesNotContain("- gpu", gitlab);
    }

    [Fact]
    public void GitlabRunsTheChildWithSelfHostedJobsOnlyOnProtectedRefsOutsideMergeRequests()
    {
        Settings(Gpu);
        var files = CiGenerator.Files(Request(CiPlatform.Gitlab, true, "pr"));
        var parent = Parse(files.Single(f => f.Path == GitlabPipeline.ParentFile).Text);
        var rules = (string job) => ((YamlSequenceNode)((YamlMappingNode)parent[job])["rules"]).Children.Select(r => ((YamlMappingNode)r)["if"].ToString()).ToList();
        Assert.All(rules("realm-ci pr"), r => Assert.EndsWith(" && " + GitlabParent.Protected, r));
        Assert.All(rules("realm-ci pr unprotected"), r => Assert.EndsWith(" && " + GitlabParent.Unprotected, r));
        var unprotected = files.Single(f => f.Path == GitlabPipeline.ChildFile("pr", Trust.Untrusted)).Text;
        Assert.DoesNotContain("- gpu", unprotected);
        Assert.DoesNotContain("- big", unprotected);
        Assert.Contains("- gpu", files.Single(f => f.Path == GitlabPipeline.ChildFile("pr")).Text);
    }

    [Fact]
    public void ARunnerLabelledSelfHostedCannotBeDeclaredHosted()
    {
        var e = Assert.Throws<RealmCiException>(() => CiSettingsReader.Load(
            "ci:\n  runners:\n    rules:\n      - { name: gpu, when: { network: fake2 }, self-hosted: false, github: [self-hosted, gpu] }\n", "m/ci.yaml"));
        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
        Assert.StartsWith("m/ci.yaml:4:", e.Message);
        Assert.Contains("self-hosted runner must never take a pull request's code", e.Message);
    }

    [Fact]
    public void ADiskNeedSendsTheBuildWhereItFits()
    {
        Settings("ci:\n  triggers: { pr: [push] }\n  disk-needs:\n    - { id: debug-fake2, gb: 30 }\n  runners:\n    default: { github: [ubuntu-24.04], disk: 14 }\n    rules:\n"
            + "      - { name: gpu, when: { network: fake2 }, github: [self-hosted, gpu], disk: 40, build-on: default }\n");
        var plan = CiGenerator.Plan(Request(CiPlatform.Github, false, "pr"));
        Assert.Contains("count-gpu=1\n", plan); // debug-fake2 builds where it tests: 14 GB is too little
        Assert.Contains("count-gpu-built-on-default=2\n", plan);
        Settings("ci:\n  disk-needs:\n    - { id: debug-fake2, gb: 50 }\n  runners:\n    default: { github: [ubuntu-24.04], disk: 14 }\n    rules:\n"
            + "      - { name: gpu, when: { network: fake2 }, github: [self-hosted, gpu], disk: 40, build-on: default }\n");
        var e = Assert.Throws<RealmCiException>(() => CiGenerator.Plan(Request(CiPlatform.Github, false, "pr")));
        Assert.Contains("debug-fake2 needs 50 GB of disk", e.Message);
    }
}
