using RealmCi.Matrix;
using RealmCi.Release;

namespace RealmCi.IntegrationTests.Release;

/// <summary>
/// Validates SBOM files on disk against the official schema: every <c>*.cdx.json</c> in the folder
/// named by <c>REALM_CI_SBOM_DIR</c> (a real release: <c>REALM_CI_SBOM_DIR=artifacts/release/25.06.0
/// dotnet test tests/RealmCi.IntegrationTests --filter ValidatingSbomFiles</c>), else in a folder holding one
/// SBOM written just now the way the Release target writes it.
/// </summary>
public sealed class ValidatingSbomFiles : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("realm-ci-sbom-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task EverySbomFileInTheFolderValidatesAgainstCycloneDx16()
    {
        var folder = Environment.GetEnvironmentVariable("REALM_CI_SBOM_DIR") is { Length: > 0 } given ? Path.GetFullPath(given) : WriteOne();
        var files = Directory.GetFiles(folder, "*.cdx.json");
        Assert.True(files.Length > 0, $"no .cdx.json file in {folder}");
        var schema = await CycloneDxSchema.Bom16;
        foreach (var file in files)
        {
            var errors = schema.Validate(await File.ReadAllTextAsync(file));
            Assert.True(errors.Count == 0, $"{file}:\n" + string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        }
    }

    private string WriteOne()
    {
        var c = Selector.Select(MatrixFile.Open(Path.Combine(EngineFixture.Root, "matrix", "realm.yaml")), new SelectionOptions { Configs = ["gcc12-release-gasnet.ucx-cpu"] }).Configurations[0];
        var facts = new ImageFacts("debian", "12", "g++-12 (Debian 12.2.0-14+deb12u1) 12.2.0",
            ImageFacts.ParseDpkg(["g++-12\t12.2.0-14+deb12u1\tamd64\tgcc-12 (= 12.2.0-14+deb12u1), libc6 (>= 2.34)", "libc6\t2.36-9+deb12u10\tamd64\tlibgcc-s1"]));
        var bom = Sbom.For(new ReleaseNames("realm", "25.06.0"), new GitTag("legion-25.06.0", new string('d', 40), DateTimeOffset.UnixEpoch), c,
            "linux-x86_64-debian12", new ReleaseFile("x.tar.gz", 1, new string('0', 64)), facts);
        File.WriteAllText(Path.Combine(dir, "x.cdx.json"), ReleaseJson.Serialize(bom));
        return dir;
    }

    [Fact]
    public async Task TheSchemaCheckRejectsWhatCycloneDxDoesNotAllow()
    {
        var json = File.ReadAllText(Path.Combine(WriteOne(), "x.cdx.json")).Replace("\"bomFormat\": \"CycloneDX\"", "\"bomFormat\": \"SPDX\"", StringComparison.Ordinal);
        Assert.Contains("SPDX", json);
        Assert.NotEmpty((await CycloneDxSchema.Bom16).Validate(json));
    }
}
