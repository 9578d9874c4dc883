using RealmCi.Ci;
using YamlDotNet.RepresentationModel;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Ci;

/// <summary>A temp folder holding a copy of the fixture's matrix (plus a profile that selects two configurations) and, when given, a ci.yaml.</summary>
public abstract class CiFolder : InTempFolder
{
    protected string Matrix => Path.Combine(dir, "matrix", "matrix.yaml");

    protected CiFolder()
    {
        Directory.CreateDirectory(Path.Combine(dir, "matrix"));
        File.WriteAllText(Matrix, File.ReadAllText(Path.Combine(Yaml.RepoRoot, "tests", "fixtures", "mini-realm", "matrix.yaml"))
            + "  two:\n    configs: [release-local, debug-local-badtest]\n");
    }

    /// <summary>A ci.yaml sending the fixture's fake2 configurations to a self-hosted GPU runner, built on the default one.</summary>
    protected const string GpuRule =
        "ci:\n  triggers: { pr: [pr, approved] }\n  runners:\n    default: { github: [ubuntu-24.04], gitlab: [docker] }\n    rules:\n"
        + "      - { name: gpu, when: { network: fake2 }, github: [self-hosted, gpu], gitlab: [gpu], build-on: default }\n";

    /// <summary>A generated file's first YAML document.</summary>
    protected static YamlMappingNode Parse(string text)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    protected void Settings(string yaml) => File.WriteAllText(Path.Combine(dir, "matrix", "ci.yaml"), yaml);

    protected CiRequest Request(CiPlatform platform, bool isStatic = false, params string[] profiles) => new()
    {
        Platform = platform,
        MatrixFile = Matrix,
        Root = dir,
        Profiles = profiles,
        Static = isStatic,
        Output = Path.Combine(dir, "out"),
    };
}
