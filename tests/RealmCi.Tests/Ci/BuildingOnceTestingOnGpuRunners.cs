using RealmCi.Ci;
using RealmCi.Errors;
using YamlDotNet.RepresentationModel;

namespace RealmCi.Tests.Ci;

/// <summary>Configurations whose runner says <c>build-on</c> are built there with --pack and tested on their own runner from the pack; others stay one job.</summary>
public class BuildingOnceTestingOnGpuRunners : CiFolder
{
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
    public void AGithubGpuConfigurationIsBuiltAndTestedInItsOwnCallOfTheJobWorkflow()
    {
        Settings(GpuRule);
        var files = CiGenerator.Files(Request(CiPlatform.Github, true, "pr"));
        var workflow = Parse(files.Single(f => f.Path == GithubWorkflow.FileName("pr")).Text);
        var jobs = (YamlMappingNode)workflow["jobs"];
        Assert.Equal(["program", "ci-files", "run-default", "run-gpu-built-on-default", "gate"], jobs.Children.Keys.Select(k => k.ToString()));
        var gpu = (YamlMappingNode)jobs["run-gpu-built-on-default"];
        Assert.Equal("./" + GithubJobWorkflow.FileName, Text(gpu, "uses"));
        Assert.Equal("[\"self-hosted\",\"gpu\"]", Text((YamlMappingNode)gpu["with"], "runner"));
        Assert.Equal("[\"ubuntu-24.04\"]", Text((YamlMappingNode)gpu["with"], "build-runner"));
        var entries = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)gpu["strategy"])["matrix"])["include"]).Children.Cast<YamlMappingNode>().ToDictionary(e => Text(e, "name"));
        Assert.Equal(3, entries.Count); // the profile's three fake2 configurations
        Assert.Equal("true", Text(entries["debug-fake2"], "pack"));
        Assert.Equal("--config=debug-fake2", Text(entries["debug-fake2"], "build-args"));
        Assert.Equal("realm-ci-packs/debug-fake2/debug-fake2", Text(entries["debug-fake2"], "packdir"));
        Assert.EndsWith("--from-pack=realm-ci-packs/debug-fake2/debug-fake2/pack.tar.gz", Text(entries["debug-fake2"], "args"));

        // In the job workflow the test job needs only its own configuration's build.
        var job = (YamlMappingNode)Parse(files.Single(f => f.Path == GithubJobWorkflow.FileName).Text)["jobs"];
        Assert.Equal(["build"], Items(((YamlMappingNode)job["test"])["needs"]));
        Assert.Equal("${{ !cancelled() && needs.build.result != 'failure' }}", Text((YamlMappingNode)job["test"], "if"));
        Assert.Equal("${{ inputs.pack }}", Text((YamlMappingNode)job["build"], "if"));
    }

    [Fact]
    public void TheDynamicGithubPlanGivesEachKindOfJobItsOwnMatrix()
    {
        Settings(GpuRule);
        var lines = CiGenerator.Plan(Request(CiPlatform.Github, false, "pr")).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]);
        Assert.Equal(["matrix-default", "count-default", "matrix-gpu", "count-gpu", "matrix-gpu-built-on-default", "count-gpu-built-on-default"], lines.Keys);
        Assert.Equal("0", lines["count-gpu"]);
        Assert.Equal("3", lines["count-gpu-built-on-default"]);
        var entry = Assert.Single(System.Text.Json.JsonDocument.Parse(lines["matrix-gpu-built-on-default"]).RootElement.GetProperty("include").EnumerateArray(),
            e => e.GetProperty("name").GetString() == "debug-fake2");
        Assert.Equal("--config=debug-fake2", entry.GetProperty("build-args").GetString());
        Assert.Equal("realm-ci-packs/debug-fake2", entry.GetProperty("folder").GetString());
    }

    [Fact]
    public void WithoutBuildOnEveryConfigurationIsOneJob()
    {
        Settings(GpuRule.Replace(", build-on: default", ""));
        var files = CiGenerator.Files(Request(CiPlatform.Gitlab, true, "pr"));
        Assert.DoesNotContain("--pack", files.Single(f => f.Path == GitlabPipeline.ChildFile("pr")).Text);
        var plan = CiGenerator.Plan(Request(CiPlatform.Github, false, "pr"));
        Assert.Contains("count-gpu=3", plan);
        Assert.DoesNotContain("\"pack\":true", plan);
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
