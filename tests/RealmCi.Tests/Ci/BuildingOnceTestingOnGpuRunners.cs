using RealmCi.Ci;
using RealmCi.Errors;
using YamlDotNet.RepresentationModel;

namespace RealmCi.Tests.Ci;

/// <summary>Configurations whose runner says <c>build-on</c> are built there with --pack and tested on their own runner from the pack; others stay one job.</summary>
public class BuildingOnceTestingOnGpuRunners : CiFolder
{
    private const string GpuRule =
        "ci:\n  runners:\n    default: { github: [ubuntu-24.04], gitlab: [docker] }\n    rules:\n"
        + "      - { name: gpu, when: { network: fake2 }, github: [self-hosted, gpu], gitlab: [gpu], build-on: default }\n";

    private static YamlMappingNode Parse(string text)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static string Text(YamlMappingNode map, string key) => map[key].ToString();

    private static IReadOnlyList<string> Items(YamlNode node) => ((YamlSequenceNode)node).Children.Select(c => c.ToString()).ToList();

    [Fact]
    public void AGitlabGpuConfigurationIsBuiltOnTheCpuRunnerAndTestedFromItsPack()
    {
        Settings(GpuRule);
        var child = Parse(CiGenerator.Files(Request(CiPlatform.Gitlab, true, "pr")).Single(f => f.Path == GitlabPipeline.ChildFile("pr")).Text);
        var build = (YamlMappingNode)child["debug-fake2-build"];
        Assert.Equal(["docker"], Items(build["tags"]));
        Assert.Contains("--target=Build --pack", Items(build["script"]).Last());
        Assert.Contains("--artifacts=realm-ci-packs/debug-fake2", Items(build["script"]).Last());
        Assert.Contains("realm-ci-packs/debug-fake2/debug-fake2/pack.tar.gz", Items(((YamlMappingNode)build["artifacts"])["paths"]));

        var test = (YamlMappingNode)child["debug-fake2"];
        Assert.Equal(["gpu"], Items(test["tags"]));
        Assert.Equal(["debug-fake2-build"], Items(test["needs"]));
        Assert.Equal("--config=debug-fake2 --from-pack=realm-ci-packs/debug-fake2/debug-fake2/pack.tar.gz", Text((YamlMappingNode)test["variables"], "REALM_CI_ARGS"));
        Assert.Contains(Items(test["script"]), line => line.Contains("--target=Test", StringComparison.Ordinal));

        // Other configurations stay one job each; the gate waits for the test jobs.
        Assert.False(child.Children.ContainsKey("release-local-build"));
        Assert.False(((YamlMappingNode)child["release-local"]).Children.ContainsKey("needs"));
        Assert.Contains("debug-fake2", Items(((YamlMappingNode)child[GitlabPipeline.Gate])["script"])[0]);
    }

    [Fact]
    public void AGithubWorkflowHasAPackJobWhoseArtifactTheGpuTestJobDownloads()
    {
        Settings(GpuRule);
        var workflow = Parse(CiGenerator.Files(Request(CiPlatform.Github, true, "pr")).Single(f => f.Path == GithubWorkflow.FileName("pr")).Text);
        var jobs = (YamlMappingNode)workflow["jobs"];
        Assert.Equal(["pack", "run", "gate"], jobs.Children.Keys.Select(k => k.ToString()));
        var packs = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)jobs["pack"])["strategy"])["matrix"])["include"]).Children.Cast<YamlMappingNode>().ToList();
        Assert.Equal(3, packs.Count); // the profile's three fake2 configurations
        var pack = Assert.Single(packs, p => Text(p, "name") == "debug-fake2-build");
        Assert.Equal(["ubuntu-24.04"], Items(pack["runner"]));
        var run = (YamlMappingNode)jobs["run"];
        Assert.Equal(["pack"], Items(run["needs"]));
        Assert.Equal("${{ !cancelled() }}", Text(run, "if"));
        var entries = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)run["strategy"])["matrix"])["include"]).Children.Cast<YamlMappingNode>().ToDictionary(e => Text(e, "name"));
        Assert.Equal("realm-ci-pack-debug-fake2-build", Text(entries["debug-fake2"], "pack"));
        Assert.Equal("realm-ci-packs/debug-fake2/debug-fake2", Text(entries["debug-fake2"], "packdir"));
        Assert.EndsWith("--from-pack=realm-ci-packs/debug-fake2/debug-fake2/pack.tar.gz", Text(entries["debug-fake2"], "args"));
        Assert.False(entries["release-local"].Children.ContainsKey("pack"));
    }

    [Fact]
    public void TheDynamicGithubPlanListsThePackBuildsSeparately()
    {
        Settings(GpuRule);
        var json = System.Text.Json.JsonDocument.Parse(CiGenerator.Plan(Request(CiPlatform.Github, false, "pr") with { Packs = true })).RootElement.GetProperty("include");
        Assert.Equal(3, json.GetArrayLength());
        var entry = Assert.Single(json.EnumerateArray(), e => e.GetProperty("name").GetString() == "debug-fake2-build");
        Assert.Equal("--config=debug-fake2", entry.GetProperty("args").GetString());
        Assert.Equal("realm-ci-packs/debug-fake2", entry.GetProperty("folder").GetString());
    }

    [Fact]
    public void WithoutBuildOnEveryConfigurationIsOneJob()
    {
        Settings(GpuRule.Replace(", build-on: default", ""));
        var files = CiGenerator.Files(Request(CiPlatform.Gitlab, true, "pr"));
        Assert.DoesNotContain("--pack", files.Single(f => f.Path == GitlabPipeline.ChildFile("pr")).Text);
        var workflow = CiGenerator.Files(Request(CiPlatform.Github, false, "pr")).Single().Text;
        Assert.DoesNotContain("--pack", workflow);
        Assert.DoesNotContain("realm-ci-pack", workflow);
    }

    [Fact]
    public void BuildOnMustNameAKnownRunner()
    {
        var e = Assert.Throws<RealmCiException>(() => CiSettingsReader.Load(GpuRule.Replace("build-on: default", "build-on: cpu-big"), "m/ci.yaml"));
        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
        Assert.Contains("build-on: no runner 'cpu-big'", e.Message);
        Assert.StartsWith("m/ci.yaml:", e.Message);
    }
}

public class CountingSplitJobsAgainstTheCap
{
    private static readonly Runner Cpu = new("default", ["ubuntu-24.04"], ["docker"]);
    private static readonly Runner Gpu = new("gpu", ["self-hosted", "gpu"], ["gpu"]) { BuildOn = Cpu };

    private static List<Placement> Placements(int cpu, int gpu) =>
        [.. Enumerable.Range(0, cpu).Select(i => new Placement($"cpu{i}", Cpu)), .. Enumerable.Range(0, gpu).Select(i => new Placement($"gpu{i}", Gpu))];

    [Fact]
    public void AGpuConfigurationIsSplitWhenBuildAndTestJobsFitUnderTheCap()
    {
        var jobs = JobGrouping.Group(Placements(3, 2), ["--profile=p"], maxJobs: 7);
        Assert.Equal(5, jobs.Count);
        Assert.Equal([null, null, null, Cpu, Cpu], jobs.Select(j => j.BuildOn));
        Assert.Equal("--config=gpu0 --from-pack=realm-ci-packs/gpu0/gpu0/pack.tar.gz", string.Join(' ', jobs[3].TestArgs));
        Assert.Equal(["--config=cpu0"], jobs[0].TestArgs.ToArray());
    }

    [Fact]
    public void WhenTheSplitWouldPassTheCapEachConfigurationIsOneJobOnItsRunner()
    {
        var jobs = JobGrouping.Group(Placements(3, 2), ["--profile=p"], maxJobs: 6);
        Assert.Equal(5, jobs.Count);
        Assert.All(jobs, j => Assert.Null(j.BuildOn));
        Assert.Equal(Gpu, jobs[4].Runner);
    }
}
