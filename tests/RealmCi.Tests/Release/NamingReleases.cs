using RealmCi.Errors;
using RealmCi.Release;

namespace RealmCi.Tests.Release;

public class NamingReleases
{
    [Theory]
    [InlineData("legion-25.06.0", "25.06.0")]
    [InlineData("v26.7.1", "26.7.1")]
    [InlineData("26.7.1", "26.7.1")]
    [InlineData("v1.2.3-rc1", "1.2.3-rc1")]
    public void TheVersionComesFromTheTag(string tag, string version) => Assert.Equal(version, ReleaseVersion.FromTag(tag));

    [Theory]
    [InlineData("nightly")]
    [InlineData("legion-master")]
    [InlineData("v26")]
    public void ATagWithoutAVersionIsInvalidInput(string tag)
    {
        var e = Assert.Throws<RealmCiException>(() => ReleaseVersion.FromTag(tag));
        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
        Assert.Contains($"--tag={tag}", e.Message);
    }

    [Fact]
    public void FileNamesCarryProjectVersionConfigurationAndPlatform()
    {
        var names = new ReleaseNames("realm", "25.06.0");
        var platform = ReleaseVersion.Platform("debian12");
        Assert.Matches(@"^linux-(x86_64|aarch64|[a-z0-9]+)-debian12$", platform);
        Assert.Equal($"realm-25.06.0-gcc12-release-local-cpu-{platform}.tar.gz", names.Archive("gcc12-release-local-cpu", platform));
        Assert.Equal($"realm-25.06.0-gcc12-release-local-cpu-{platform}.cdx.json", names.Sbom("gcc12-release-local-cpu", platform));
        Assert.Equal("realm-25.06.0-source.tar.gz", names.SourceArchive);
        Assert.Equal("realm-25.06.0", names.SourceFolder);
    }

    [Theory]
    [InlineData("4:12.2.0-3", "4%3A12.2.0-3")]
    [InlineData("4.8+really4.7.5-1", "4.8%2Breally4.7.5-1")]
    [InlineData("1.11.1-2~deb12u1", "1.11.1-2~deb12u1")]
    public void PackageUrlsPercentEncodeVersions(string version, string encoded)
    {
        Assert.Equal(encoded, Purl.Encode(version));
        Assert.Equal($"pkg:deb/debian/g%2B%2B@{encoded}?arch=amd64", Purl.Deb("debian", new InstalledPackage("g++", version, "amd64", [])));
    }
}
