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
