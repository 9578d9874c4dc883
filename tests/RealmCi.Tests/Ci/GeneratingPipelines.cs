using RealmCi.Ci;
using RealmCi.Matrix;
using YamlDotNet.RepresentationModel;

namespace RealmCi.Tests.Ci;

public class GeneratingPipelines : CiFolder
{
    private static string File(IReadOnlyList<(string Path, string Text)> files, string path) => files.Single(f => f.Path == path).Text;

    [Theory]
    [InlineData(CiPlatform.Github, false)]
    [InlineData(CiPlatform.Github, true)]
    [InlineData(CiPlatform.Gitlab, false)]
    [InlineData(CiPlatform.Gitlab, true)]
    public void TheSameMatrixGivesByteIdenticalFiles(CiPlatform platform, bool isStatic)
    {
        var first = CiGenerator.Files(Request(platform, isStatic, "pr", "two"));
        var second = CiGenerator.Files(Request(platform, isStatic, "pr", "two"));
        Assert.Equal(first, second);
        Assert.All(first, f => Assert.DoesNotContain("\r", f.Text));
    }

    [Fact]
    public void AGitlabChildPipelineHasOneJobPerConfigurationAndAGateThatAlwaysRuns()
    {
        var child = Parse(File(CiGenerator.Files(Request(CiPlatform.Gitlab, true, "two")), GitlabPipeline.ChildFile("two")));
        var jobs = child.Children.Where(c => c.Value is YamlMappingNode m && m.Children.ContainsKey("stage")).ToDictionary(c => c.Key.ToString(), c => (YamlMappingNode)c.Value);
        Assert.Equal(["release-local", "debug-local-badtest", GitlabPipeline.Gate], jobs.Keys);
        var job = jobs["release-local"];
        Assert.Equal("--config=release-local", ((YamlMappingNode)job["variables"])["REALM_CI_ARGS"].ToString());
        Assert.Equal("realm-ci-artifacts/release-local/junit.xml", ((YamlMappingNode)((YamlMappingNode)job["artifacts"])["reports"])["junit"].ToString());
        Assert.Equal("always", ((YamlMappingNode)job["artifacts"])["when"].ToString());
        Assert.StartsWith("./build.sh --target=Test --matrix=matrix/matrix.yaml", ((YamlSequenceNode)job["script"]).Children[0].ToString());
        var gate = jobs[GitlabPipeline.Gate];
        Assert.Equal("always", gate["when"].ToString());
        Assert.Equal("gate", gate["stage"].ToString());
        Assert.False(gate.Children.ContainsKey("needs")); // stage order, not needs: no 50-needs cap
        Assert.Contains("for job in release-local debug-local-badtest;", gate["script"].ToString());
    }

    [Fact]
    public void AGitlabParentRunsEachProfilesChildOnItsTriggersAndDependsOnIt()
    {
        var parent = Parse(File(CiGenerator.Files(Request(CiPlatform.Gitlab, false, "pr")), GitlabPipeline.ParentFile));
        var plan = (YamlMappingNode)parent["realm-ci plan pr"];
        Assert.Contains("--target=Ci --ci=gitlab --plan --profile=pr", plan["script"].ToString());
        var trigger = (YamlMappingNode)((YamlMappingNode)parent["realm-ci pr"])["trigger"];
        Assert.Equal("depend", trigger["strategy"].ToString());
        Assert.Equal("realm-ci-pr.yml", ((YamlMappingNode)((YamlSequenceNode)trigger["include"]).Children[0])["artifact"].ToString());
        var rules = ((YamlSequenceNode)((YamlMappingNode)parent["realm-ci pr"])["rules"]).Children.Select(r => ((YamlMappingNode)r)["if"].ToString()).ToList();
        Assert.Contains("$REALM_CI_PROFILE == null && $CI_PIPELINE_SOURCE == \"merge_request_event\"", rules);
    }

    [Fact]
    public void AGithubGateNeedsEveryJobRunsAlwaysAndAcceptsOnlySuccessOrAnEmptyKind()
    {
        Settings("ci:\n  triggers: { pr: [push] }\n  runners:\n    default: { github: [ubuntu-24.04] }\n    rules:\n      - { name: ranks, when: { network: fake2 }, github: [self-hosted, mpi] }\n");
        var workflow = Parse(File(CiGenerator.Files(Request(CiPlatform.Github, false, "pr")), GithubWorkflow.FileName("pr")));
        var jobs = (YamlMappingNode)workflow["jobs"];
        Assert.Equal(["plan", "run-default", "run-ranks", "gate"], jobs.Children.Keys.Select(k => k.ToString()));
        var gate = (YamlMappingNode)jobs["gate"];
        Assert.Equal(["plan", "run-default", "run-ranks"], ((YamlSequenceNode)gate["needs"]).Children.Select(n => n.ToString()));
        Assert.Equal("${{ always() }}", gate["if"].ToString());
        Assert.Equal("${{ needs.run-ranks.result }}", ((YamlMappingNode)gate["env"])["RUN_RANKS"].ToString());
        var check = ((YamlMappingNode)((YamlSequenceNode)gate["steps"]).Children[0])["run"].ToString();
        Assert.Contains("check run-ranks \"$RUN_RANKS\" \"$COUNT_RUN_RANKS\"", check);
        Assert.DoesNotContain("${{", check); // values reach the script through env only
        var run = (YamlMappingNode)jobs["run-ranks"];
        Assert.Equal("${{ fromJSON(needs.plan.outputs.matrix-ranks) }}", ((YamlMappingNode)run["strategy"])["matrix"].ToString());
        Assert.Equal("${{ needs.plan.outputs.count-ranks != '0' }}", run["if"].ToString());
        Assert.Equal("false", ((YamlMappingNode)run["strategy"])["fail-fast"].ToString());
    }

    [Theory]
    [InlineData("success", "3", 0)]
    [InlineData("skipped", "0", 0)] // a kind with no job this time
    [InlineData("skipped", "3", 1)] // skipped although it had jobs (its plan failed)
    [InlineData("failure", "3", 1)]
    [InlineData("cancelled", "3", 1)]
    public void TheGithubGateScriptRunByBashAcceptsOnlySuccessOrAnEmptyKind(string result, string count, int expected)
    {
        Settings("ci:\n  triggers: { pr: [push] }\n");
        var workflow = Parse(File(CiGenerator.Files(Request(CiPlatform.Github, false, "pr")), GithubWorkflow.FileName("pr")));
        var gate = (YamlMappingNode)((YamlMappingNode)workflow["jobs"])["gate"];
        var script = Path.Combine(dir, "gate.sh");
        System.IO.File.WriteAllText(script, ((YamlMappingNode)((YamlSequenceNode)gate["steps"]).Children[0])["run"].ToString());
        var start = new System.Diagnostics.ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true };
        start.Environment["PLAN"] = "success";
        start.Environment["RUN_DEFAULT"] = result;
        start.Environment["COUNT_RUN_DEFAULT"] = count;
        using var bash = System.Diagnostics.Process.Start(start)!;
        bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();
        Assert.Equal(expected, bash.ExitCode);
    }

    [Fact]
    public void TheGithubPlanListsEachJobUnderItsKindWithItsArgumentsAndCacheKey()
    {
        Settings("ci:\n  runners:\n    default: { github: [ubuntu-24.04], gitlab: [docker] }\n    rules:\n      - { name: ranks, when: { network: fake2 }, github: [self-hosted, mpi], gitlab: [mpi] }\n");
        var lines = CiGenerator.Plan(Request(CiPlatform.Github, false, "pr")).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]);
        var entries = (string kind) => System.Text.Json.JsonDocument.Parse(lines["matrix-" + kind]).RootElement.GetProperty("include").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.Equal(["debug-fake2", "debug-fake2-dim4", "release-fake2-dim4"], entries("ranks").Keys.Order());
        Assert.Equal(["debug-local-dim4", "release-local"], entries("default").Keys.Order());
        Assert.Equal("--config=release-local", entries("default")["release-local"].GetProperty("args").GetString());
        // Exact per-configuration prefixes: no matrix hash, and '/' ends the Id so one never prefixes another.
        Assert.Equal("realm-ci/release-local/", entries("default")["release-local"].GetProperty("cache").GetString());
        Assert.Equal("realm-ci/debug-fake2/", entries("ranks")["debug-fake2"].GetProperty("cache").GetString());
        Assert.False("realm-ci/debug-fake2-dim4/".StartsWith(entries("ranks")["debug-fake2"].GetProperty("cache").GetString()!, StringComparison.Ordinal));
    }

    [Fact]
    public void ThePlanLeavesOutWhatTheCheckoutCannotBeBuiltInAndSaysWhy()
    {
        // The matrix says release rows cannot build a source whose CMakeLists.txt enables HIP (as realm.yaml's hip5.2 rows and the November Realm).
        System.IO.File.AppendAllText(Matrix, "facts:\n  hip-language: { file: CMakeLists.txt, pattern: 'enable_language\\(HIP\\)' }\n"
            + "overrides:\n  - { match: \"release-*\", when: { hip-language: true }, unsupported: \"no HIP here\" }\n");
        Settings("ci:\n  runners:\n    default: { github: [ubuntu-24.04], gitlab: [docker] }\n");
        var checkout = Path.Combine(dir, "checkout");
        Directory.CreateDirectory(checkout);
        System.IO.File.WriteAllText(Path.Combine(checkout, "CMakeLists.txt"), "project(Realm)\nenable_language(HIP)\n");
        var log = new StringWriter();
        IReadOnlyList<string> Jobs(string? source) =>
            [.. System.Text.Json.JsonDocument.Parse(CiGenerator.Plan(Request(CiPlatform.Github, false, "pr") with { Source = source, Log = log }).Split('\n')[0]["matrix-default=".Length..])
                .RootElement.GetProperty("include").EnumerateArray().Select(e => e.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];

        var all = Jobs(null); // no checkout: nothing is read, nothing left out
        Assert.Contains(all, j => j.StartsWith("release-", StringComparison.Ordinal));
        var planned = Jobs(checkout);
        Assert.Equal(all.Where(j => !j.StartsWith("release-", StringComparison.Ordinal)), planned);
        var leftOut = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(all.Count(j => j.StartsWith("release-", StringComparison.Ordinal)), leftOut.Length);
        Assert.All(leftOut, l => Assert.Matches(@"^--plan: left out release-\S+: the source is not supported: no HIP here \(fact hip-language is true \(CMakeLists.txt:2: enable_language\(HIP\)\); .*matrix.yaml:\d+:\d+\)$", l));

        System.IO.File.WriteAllText(Path.Combine(checkout, "CMakeLists.txt"), "project(Realm)\n"); // an older Realm: every job again
        Assert.Equal(all, Jobs(checkout));

        // The plan job runs in the checkout under test: its command names it, as the jobs' commands do (realm-ci itself clones Realm: none).
        Assert.Contains("--realm-source=.", new JobCommand(new CiSettings { Repository = "https://example.org/realm-ci.git" }, "matrix/realm.yaml", new string('a', 40), "pr").Plan("github"));
        Assert.DoesNotContain("--realm-source", new JobCommand(new CiSettings(), "matrix/realm.yaml", null, "pr").Plan("github"));
    }

    [Fact]
    public void AnEmptySelectionIsAValidPipelineWithOneNoOpJobThatSaysSo()
    {
        var request = Request(CiPlatform.Gitlab, true, "pr") with { Selection = new SelectionOptions { Select = ["nothing-matches-*"] } };
        var child = Parse(File(CiGenerator.Files(request), GitlabPipeline.ChildFile("pr")));
        var noop = (YamlMappingNode)child["no-configurations"];
        Assert.Contains("selects no configuration", noop["script"].ToString());
        Assert.Contains("for job in no-configurations;", ((YamlMappingNode)child[GitlabPipeline.Gate])["script"].ToString());

        var plan = CiGenerator.Plan(request with { Platform = CiPlatform.Github });
        Assert.Contains("count-default=1\n", plan);
        var json = plan.Split('\n')[0]["matrix-default=".Length..];
        var entry = Assert.Single(System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("include").EnumerateArray());
        Assert.Contains("selects no configuration", entry.GetProperty("empty").GetString());
    }

    [Fact]
    public void AnExternalRealmCiIsClonedAtItsPinnedRevision()
    {
        Settings("ci:\n  realm-ci: { repository: \"https://github.com/example/realm-ci.git\", ref: 0123456789abcdef0123456789abcdef01234567 }\n");
        var files = CiGenerator.Files(Request(CiPlatform.Github, true, "pr"));
        var text = File(files, GithubJobWorkflow.FileName);
        Assert.Contains("repository: example/realm-ci", text);
        Assert.Contains("ref: 0123456789abcdef0123456789abcdef01234567", text);
        Assert.Contains("./.realm-ci/build.sh \"--target=$REALM_CI_TARGET\" --matrix=.realm-ci/matrix/matrix.yaml --realm-source=. \"--artifacts=$REALM_CI_ARTIFACTS\" $REALM_CI_ARGS", text);
        var gitlab = File(CiGenerator.Files(Request(CiPlatform.Gitlab, true, "pr")), GitlabPipeline.ChildFile("pr"));
        Assert.Contains("git -C .realm-ci checkout --quiet 0123456789abcdef0123456789abcdef01234567", gitlab);
    }

    [Fact]
    public void OverTheJobCapTheChildPipelineRunsShardsOfTheProfile()
    {
        var request = Request(CiPlatform.Gitlab, true, "pr") with { Caps = new Caps(2, 50, 1_000_000) };
        var child = Parse(File(CiGenerator.Files(request), GitlabPipeline.ChildFile("pr")));
        var args = child.Children.Where(c => c.Value is YamlMappingNode m && m.Children.ContainsKey("variables"))
            .Select(c => ((YamlMappingNode)((YamlMappingNode)c.Value)["variables"])["REALM_CI_ARGS"].ToString()).ToList();
        Assert.Equal(["--profile=pr --shard=1/2", "--profile=pr --shard=2/2"], args);
        var names = child.Children.Where(c => c.Value is YamlMappingNode m && m.Children.ContainsKey("variables")).Select(c => c.Key.ToString()).ToList();
        Assert.All(names, n => Assert.Matches(@"^[a-z0-9.-]+(\+([a-z0-9.-]+|\d+-more))?$", n)); // named by the Ids they run, not default-1-of-2
        Assert.Contains($"for job in {string.Join(' ', names)};", ((YamlMappingNode)child[GitlabPipeline.Gate])["script"].ToString());
    }

    [Fact]
    public void AFileOverTheSizeCapIsRefusedWithItsSize()
    {
        var request = Request(CiPlatform.Github, true, "pr") with { Caps = new Caps(256, 50, 2_000) };
        var e = Assert.Throws<RealmCi.Errors.RealmCiException>(() => CiGenerator.Files(request));
        Assert.Matches(@"^\.github/workflows/realm-ci-pr-pull-request\.yml: the generated file would be \d+ bytes, over the platform's 2000", e.Message);
    }

    [Fact]
    public void EveryJobChecksOutTheHistoryAndTagsTheVersionNeeds()
    {
        // realm-ci refuses a checkout without a reachable version tag before configuring: a shallow CI checkout would fail every job.
        foreach (var (path, text) in CiGenerator.Files(Request(CiPlatform.Github, true, "pr", "two")).Where(f => f.Text.Contains("./build.sh --target=Test", StringComparison.Ordinal)))
        {
            var checkouts = Parse(text).AllNodes.OfType<YamlMappingNode>()
                .Where(m => m.Children.TryGetValue("name", out var n) && n.ToString() == "checkout").ToList();
            Assert.NotEmpty(checkouts);
            Assert.All(checkouts, c => Assert.Equal("0", ((YamlMappingNode)c["with"])["fetch-depth"].ToString()));
        }
        var child = Parse(File(CiGenerator.Files(Request(CiPlatform.Gitlab, true, "two")), GitlabPipeline.ChildFile("two")));
        Assert.Equal("0", ((YamlMappingNode)child["variables"])["GIT_DEPTH"].ToString());
    }
}
