using RealmCi.Ci;
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
