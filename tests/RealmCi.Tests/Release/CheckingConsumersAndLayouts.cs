using RealmCi.Matrix;
using RealmCi.Release;

namespace RealmCi.Tests.Release;

public class CheckingConsumersAndLayouts
{
    /// <summary>realm.yaml's source section: Legion's realm/ and what its source package holds are the matrix's.</summary>
    private static readonly RealmCi.Matrix.ProjectSource RealmSource = RealmCi.Matrix.MatrixLoader.LoadSource(Matrix.Yaml.RealmMatrixPath);

    [Fact]
    public void TheConsumerCommandIsOneArgumentListAgainstTheArchiveWithTheConfigurationsCompilers()
    {
        var c = Selector.Select(MatrixFile.Open(Matrix.Yaml.RealmMatrixPath), new SelectionOptions { Configs = ["clang16-release-local-cpu"] }).Configurations[0];
        Assert.Equal(new[]
        {
            "ctest", "--build-and-test", "/consumer", "/tmp/consumer-build", "--build-generator", "Ninja", "--build-noclean",
            "--build-options", "-DCMAKE_PREFIX_PATH=/opt/release", "-DCMAKE_BUILD_TYPE=Release", "-DCMAKE_C_COMPILER=clang-16", "-DCMAKE_CXX_COMPILER=clang++-16",
            "--test-command", "ctest", "--verbose", "--no-tests=error",
        }, ConsumerCheck.Command(c).ToArray());
    }

    [Theory]
    [InlineData("project(Legion)\n", true)]
    [InlineData(null, true)]
    [InlineData("cmake_minimum_required(VERSION 3.22)\nproject(Realm VERSION 26.7)\n", false)]
    public void LegionsLayoutIsARealmFolderUnderANonRealmProject(string? top, bool legion)
    {
        string[] files = ["CMakeLists.txt", "realm/CMakeLists.txt", "runtime/realm/x.cc"];
        var layout = SourceLayout.Detect(files, top, RealmSource);
        Assert.Equal(legion ? "realm/VERSION" : "VERSION", layout.VersionFile);
        Assert.Equal(legion, !layout.Holds("runtime/legion/legion.cc"));
        Assert.True(layout.Holds("runtime/realm/x.cc"));
        Assert.False(legion && layout.Holds("runtime/realmx/y.cc")); // folders match whole, not by prefix
    }

    [Fact]
    public void ATreeWithoutARealmFolderIsStandalone()
    {
        var layout = SourceLayout.Detect(["CMakeLists.txt", "src/a.cc"], "project(MiniRealm)\n", RealmSource);
        Assert.Same(SourceLayout.Standalone, layout);
        Assert.True(layout.Holds("anything/at/all"));
    }

    [Fact]
    public void PackagePathsNameOneOfTheSubdirs()
    {
        var e = Assert.Throws<RealmCi.Matrix.MatrixException>(() =>
            RealmCi.Matrix.MatrixFile.Parse("source:\n  subdirs: [realm]\n  package-paths:\n    relm: [a]\naxes:\n  a: [x]\n"));
        Assert.Contains("package-paths names 'relm', which is not one of subdirs (realm)", e.Message);
        Assert.Equal(["realm", "runtime/realm"], RealmSource.PackagePaths["realm"].Take(2));
    }
}
