using RealmCi.Ci;
using RealmCi.Errors;
using RealmCi.Tests.Matrix;
using YamlDotNet.RepresentationModel;

namespace RealmCi.Tests.Ci;

/// <summary>ci.yaml's <c>targets:</c>: a profile whose jobs run <c>--target=Canary</c> (one per configuration) or <c>--target=Release</c> (one job, then publish with provenance), on trusted refs only.</summary>
public class GeneratingReleaseAndCanaryJobs : CiFolder
{
    private const string Rules =
        "  runners:\n    default: { github: [ubuntu-24.04], gitlab: [docker] }\n    rules:\n"
        + "      - { name: gpu, when: { network: fake2 }, github: [self-hosted, gpu], gitlab: [gpu], self-hosted: true, disk: 40, build-on: default }\n";

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node)[key];

    private static string Text(YamlNode node, string key) => ((YamlMappingNode)node)[key].ToString();

    private static List<YamlMappingNode> Steps(YamlNode job) => ((YamlSequenceNode)((YamlMappingNode)job)["steps"]).Children.Cast<YamlMappingNode>().ToList();

    [Fact]
    public void AGithubReleaseIsOneJobOnTheRoomiestRunnerThenAPublishJobThatAloneMayWrite()
    {
        Settings("ci:\n  triggers: { two: [tag] }\n  targets: { two: Release }\n" + Rules.Replace("network: fake2", "build: debug"));
        var workflow = Parse(CiGenerator.Files(Request(CiPlatform.Github, false, "two")).Single(f => f.Path == GithubWorkflow.FileName("two")).Text);
        Assert.Equal(["push"], Map(workflow, "on").Children.Keys.Select(k => k.ToString()));
        Assert.Equal("read", Text(Map(workflow, "permissions"), "contents"));
        var jobs = Map(workflow, "jobs");
        Assert.Equal(["release", "publish"], jobs.Children.Keys.Select(k => k.ToString()));

        var release = jobs["release"];
        Assert.False(((YamlMappingNode)release).Children.ContainsKey("permissions")); // the build reads only
        Assert.Equal("${{ github.ref_name }}", Text(Map(release, "env"), JobCommand.TagVariable));
        Assert.Equal("--profile=two", Text(Map(release, "env"), JobCommand.ArgsVariable));
        Assert.Contains("self-hosted", ((YamlSequenceNode)((YamlMappingNode)release)["runs-on"]).Children.Select(c => c.ToString())); // 40 GB beats the default's undeclared disk
        Assert.Contains(Steps(release), s => s.Children.ContainsKey("run")
            && s["run"].ToString() == "./build.sh --target=Release --matrix=matrix/matrix.yaml --artifacts=realm-ci-artifacts/release \"--tag=$REALM_CI_TAG\" $REALM_CI_ARGS\n");

        var publish = jobs["publish"];
        Assert.Equal(["release"], ((YamlSequenceNode)((YamlMappingNode)publish)["needs"]).Children.Select(c => c.ToString()));
        var permissions = Map(publish, "permissions");
        Assert.Equal(("write", "write", "write"), (Text(permissions, "contents"), Text(permissions, "id-token"), Text(permissions, "attestations")));
        var steps = Steps(publish);
        Assert.Contains("attest-build-provenance", Text(steps[1], "uses"));
        Assert.Equal("release/*/*", Text(Map(steps[1], "with"), "subject-path"));
        Assert.Contains("gh release create \"$REALM_CI_TAG\" --verify-tag", Text(steps[2], "run"));
    }

    [Fact]
    public void AGitlabReleaseAsksTheRunnerForProvenanceAndMakesTheRelease()
    {
        Settings("ci:\n  triggers: { two: [tag] }\n  targets: { two: Release }\n" + Rules);
        var child = Parse(CiGenerator.Plan(Request(CiPlatform.Gitlab, false, "two")));
        var release = child["release"];
        Assert.Equal("true", Text(Map(release, "variables"), "RUNNER_GENERATE_ARTIFACTS_METADATA"));
        Assert.Equal("$CI_COMMIT_TAG", Text(Map(release, "variables"), JobCommand.TagVariable));
        Assert.Contains("realm-ci-artifacts/release/release/", ((YamlSequenceNode)Map(release, "artifacts")["paths"]).Children.Select(c => c.ToString()));
        var publish = child["publish"];
        Assert.Equal(["release"], ((YamlSequenceNode)((YamlMappingNode)publish)["needs"]).Children.Select(c => c.ToString()));
        Assert.Equal("$CI_COMMIT_TAG", Text(Map(publish, "release"), "tag_name"));

        // On an unprotected ref the plan is untrusted: no release job at all.
        var untrusted = Parse(CiGenerator.Plan(Request(CiPlatform.Gitlab, false, "two") with { Untrusted = true }));
        Assert.False(untrusted.Children.ContainsKey("release"));
    }

    [Fact]
    public void ACanaryProfileRunsTheCanaryTargetPerConfigurationWithoutPacks()
    {
        Settings("ci:\n  triggers: { two: [schedule] }\n  targets: { two: Canary }\n" + Rules.Replace("network: fake2", "build: release"));
        var child = Parse(CiGenerator.Plan(Request(CiPlatform.Gitlab, false, "two")));
        var jobs = child.Children.Where(c => c.Value is YamlMappingNode m && m.Children.ContainsKey("script") && c.Key.ToString() != GitlabPipeline.Gate).ToList();
        Assert.Equal(["debug-local-badtest", "release-local"], jobs.Select(j => j.Key.ToString()).Order(StringComparer.Ordinal));
        Assert.All(jobs, j => Assert.Contains(((YamlSequenceNode)((YamlMappingNode)j.Value)["script"]).Children, line => line.ToString().StartsWith("./build.sh --target=Canary ", StringComparison.Ordinal)));
        Assert.All(jobs, j => Assert.DoesNotContain("--downstream-source", ((YamlMappingNode)j.Value)["script"].ToString()));
        Assert.DoesNotContain("--from-pack", Text(Map(child, "release-local"), "variables")); // built where it runs, though its rule says build-on
        Assert.False(Parse(CiGenerator.Plan(Request(CiPlatform.Gitlab, false, "two") with { Untrusted = true })).Children.ContainsKey("release-local"));
    }

    [Theory]
    [InlineData("ci:\n  triggers: { two: [pr] }\n  targets: { two: Canary }\n", "profile two runs --target=Canary, which runs only on trusted refs")]
    [InlineData("ci:\n  targets: { two: Relase }\n", "ci.yaml:2:") ]
    [InlineData("ci:\n  targets: { two: Relase }\n", "unknown target 'Relase' for profile two in ci.targets")]
    public void ATargetForUntrustedCodeOrAMisspeltTargetIsRefused(string yaml, string message)
    {
        Settings(yaml);
        var e = Assert.Throws<RealmCiException>(() => CiGenerator.Files(Request(CiPlatform.Github, false, "two")));
        Assert.Contains(message, e.Message);
        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
    }

    [Fact]
    public void RealmsNightlyCanaryAndTagReleaseAreInItsGeneratedCi()
    {
        var matrix = Path.Combine(Yaml.RepoRoot, "matrix", "realm.yaml");
        var files = CiGenerator.Files(new CiRequest { Platform = CiPlatform.Github, MatrixFile = matrix, Root = Yaml.RepoRoot, Output = "" });
        var canary = Parse(files.Single(f => f.Path == GithubWorkflow.FileName("canary")).Text);
        Assert.Equal(["schedule", "workflow_dispatch"], Map(canary, "on").Children.Keys.Select(k => k.ToString()));
        Assert.DoesNotContain(files, f => f.Path == GithubWorkflow.FileName("canary", Trust.Untrusted));
        var callers = Map(canary, "jobs").Children.Where(j => j.Key.ToString().StartsWith("run-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(callers);
        Assert.All(callers, c => Assert.Equal("Canary", Text(Map(c.Value, "with"), "target")));
        Assert.Contains("\"--target=$REALM_CI_TARGET\"", files.Single(f => f.Path == GithubJobWorkflow.FileName).Text);
        var release = Parse(files.Single(f => f.Path == GithubWorkflow.FileName("release")).Text);
        Assert.Equal(["release", "publish"], Map(release, "jobs").Children.Keys.Select(k => k.ToString()));
    }
}
