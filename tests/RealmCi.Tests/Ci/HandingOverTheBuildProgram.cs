using RealmCi.Ci;
using YamlDotNet.RepresentationModel;

namespace RealmCi.Tests.Ci;

/// <summary>
/// realm-ci is compiled once per pipeline (the plan job, or static GitHub's <c>program</c> job) and
/// handed to every job as an artifact put where build.sh looks; its digest of the sources lets
/// build.sh run it without compiling (tested against the real bootstrap in the integration tests).
/// </summary>
public class HandingOverTheBuildProgram : CiFolder
{
    private static List<YamlMappingNode> Steps(YamlMappingNode job) => ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>().ToList();

    private static string? Get(YamlMappingNode map, string key) => map.Children.TryGetValue(key, out var v) ? v.ToString() : null;

    private static void HandsOverTheProgram(YamlMappingNode job, string folder)
    {
        var upload = Steps(job).Last();
        Assert.Contains("upload-artifact", Get(upload, "uses"));
        var with = (YamlMappingNode)upload["with"];
        Assert.Equal(JobCommand.ProgramArtifact, Get(with, "name"));
        Assert.Equal(folder + "/", Get(with, "path"));
        Assert.Equal("true", Get(with, "include-hidden-files")); // .inputs and .inputs.sha256 are hidden files
    }

    [Theory]
    [InlineData(false, "plan")]
    [InlineData(true, "program")]
    public void OneGithubJobCompilesRealmCiAndEveryConfigurationJobTakesIt(bool isStatic, string first)
    {
        Settings(GpuRule);
        var files = CiGenerator.Files(Request(CiPlatform.Github, isStatic, "pr"));
        var jobs = (YamlMappingNode)Parse(files.Single(f => f.Path == GithubWorkflow.FileName("pr")).Text)["jobs"];
        HandsOverTheProgram((YamlMappingNode)jobs[first], "build/bin/front-door");
        foreach (var caller in jobs.Children.Where(j => j.Key.ToString().StartsWith("run-", StringComparison.Ordinal)))
            Assert.Equal([first], ((YamlSequenceNode)((YamlMappingNode)caller.Value)["needs"]).Children.Select(c => c.ToString()));
        var gate = (YamlMappingNode)jobs["gate"];
        Assert.Contains($"check {first} \"$PLAN\" 1", Get(Steps(gate)[0], "run"));
        Assert.Equal($"${{{{ needs.{first}.result }}}}", Get((YamlMappingNode)gate["env"], "PLAN"));

        var reusable = (YamlMappingNode)Parse(files.Single(f => f.Path == GithubJobWorkflow.FileName).Text)["jobs"];
        foreach (var name in new[] { "build", "test" })
        {
            var steps = Steps((YamlMappingNode)reusable[name]);
            var download = steps.FindIndex(s => Get(s, "name") == "the build program the plan job compiled");
            var run = steps.FindIndex(s => Get(s, "run")?.StartsWith("./build.sh", StringComparison.Ordinal) == true);
            Assert.InRange(download, 1, run - 1); // after the checkout, before build.sh
            var with = (YamlMappingNode)steps[download]["with"];
            Assert.Equal(JobCommand.ProgramArtifact, Get(with, "name"));
            Assert.Equal("build/bin/front-door", Get(with, "path"));
        }
    }

    [Fact]
    public void EveryJobOfADynamicGitlabChildTakesTheProgramFromTheParentsPlanJob()
    {
        Settings(GpuRule);
        var parent = Parse(CiGenerator.Files(Request(CiPlatform.Gitlab, false, "pr")).Single(f => f.Path == GitlabPipeline.ParentFile).Text);
        var plan = (YamlMappingNode)parent[GitlabParent.PlanJob("pr")];
        Assert.Contains("build/bin/front-door/", ((YamlSequenceNode)((YamlMappingNode)plan["artifacts"])["paths"]).Children.Select(c => c.ToString()));
        var trigger = (YamlMappingNode)parent["realm-ci pr"];
        Assert.Equal("$CI_PIPELINE_ID", Get((YamlMappingNode)trigger["variables"], GitlabPipeline.PlanPipelineVariable));

        var child = Parse(CiGenerator.Plan(Request(CiPlatform.Gitlab, false, "pr")));
        var jobs = child.Children.Where(j => j.Value is YamlMappingNode m && m.Children.ContainsKey("script") && j.Key.ToString() != GitlabPipeline.Gate).ToList();
        Assert.Contains(jobs, j => j.Key.ToString() == "debug-fake2-build");
        Assert.True(jobs.Count >= 3, string.Join(", ", jobs.Select(j => j.Key))); // every configuration job and the build job of the split one
        foreach (var (name, job) in jobs)
        {
            var needs = ((YamlSequenceNode)((YamlMappingNode)job)["needs"]).Children;
            var program = Assert.IsType<YamlMappingNode>(needs[0]);
            Assert.Equal("$" + GitlabPipeline.PlanPipelineVariable, Get(program, "pipeline"));
            Assert.Equal(GitlabParent.PlanJob("pr"), Get(program, "job"));
            if (name.ToString() == "debug-fake2") Assert.Equal("debug-fake2-build", needs[1].ToString()); // and still only its own build
        }
    }

    [Fact]
    public void AStaticGitlabChildHasNoParentToTakeFrom()
    {
        Settings(GpuRule);
        var child = Parse(CiGenerator.Files(Request(CiPlatform.Gitlab, true, "pr")).Single(f => f.Path == GitlabPipeline.ChildFile("pr")).Text);
        Assert.False(((YamlMappingNode)child["release-local"]).Children.ContainsKey("needs"));
    }

    [Fact]
    public void AnExternalRealmCiIsClonedBesideTheUnpackedProgramAndItsProgramFolderIsInsideIt()
    {
        var command = new JobCommand(new CiSettings { Repository = "https://example.org/realm-ci.git" }, "matrix/realm.yaml", new string('a', 40), "pr");
        Assert.Equal(".realm-ci/build/bin/front-door", command.ProgramFolder);
        Assert.Equal("git clone --quiet --no-checkout https://example.org/realm-ci.git .realm-ci-clone", command.Fetch[0]);
        Assert.Equal("mkdir -p .realm-ci && mv .realm-ci-clone/.git .realm-ci/.git && rmdir .realm-ci-clone", command.Fetch[1]);
        Assert.Equal($"git -C .realm-ci checkout --quiet {new string('a', 40)}", command.Fetch[2]);
    }
}
