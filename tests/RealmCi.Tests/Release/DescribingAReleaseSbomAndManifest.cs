using System.Collections.Immutable;
using System.Text.Json;
using RealmCi.Matrix;
using RealmCi.Release;

namespace RealmCi.Tests.Release;

public class DescribingAReleaseSbomAndManifest
{
    private static readonly GitTag Tag = new("legion-25.06.0", "d8e35c48d0000000000000000000000000000000", new DateTimeOffset(2025, 6, 30, 12, 0, 0, TimeSpan.Zero));

    private static BuildConfiguration Configuration() =>
        Selector.Select(MatrixFile.Open(Matrix.Yaml.RealmMatrixPath), new SelectionOptions { Configs = ["gcc12-release-local-cpu"] }).Configurations[0];

    private static readonly ImageFacts Facts = new("debian", "12", "g++-12 (Debian 12.2.0-14+deb12u1) 12.2.0",
    [
        new("cmake", "3.25.1-1", "amd64", ["libc6", "libstdc++6", "not-installed"]),
        new("g++-12", "12.2.0-14+deb12u1", "amd64", ["libc6"]),
        new("libc6", "2.36-9+deb12u10", "amd64", []),
        new("libstdc++6", "12.2.0-14+deb12u1", "amd64", ["libc6"]),
        new("tzdata", "2025b-0+deb12u1", "all", []),
    ]);

    private static CycloneDxBom Bom() => Sbom.For(new ReleaseNames("realm", "25.06.0"), Tag, Configuration(), "linux-x86_64-debian12",
        new ReleaseFile("realm-25.06.0-gcc12-release-local-cpu-linux-x86_64-debian12.tar.gz", 1234, new string('e', 64)), Facts);

    // The SBOM against the official CycloneDX schema (fetched from npm): tests/RealmCi.IntegrationTests/Release/ValidatingSbomFiles.cs.

    [Fact]
    public void TheSbomNamesTheBuildAndEveryImagePackageWithDependencies()
    {
        using var doc = JsonDocument.Parse(ReleaseJson.Serialize(Bom()));
        var root = doc.RootElement;
        Assert.Equal("1.6", root.GetProperty("specVersion").GetString());
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", root.GetProperty("serialNumber").GetString());
        var main = root.GetProperty("metadata").GetProperty("component");
        Assert.Equal("realm", main.GetProperty("name").GetString());
        Assert.Equal("25.06.0", main.GetProperty("version").GetString());
        Assert.Equal(new string('e', 64), main.GetProperty("hashes")[0].GetProperty("content").GetString());
        var purls = root.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("purl").GetString()).ToList();
        Assert.Equal(5, purls.Count);
        Assert.Contains("pkg:deb/debian/g%2B%2B-12@12.2.0-14%2Bdeb12u1?arch=amd64", purls);
        Assert.Contains("pkg:deb/debian/tzdata@2025b-0%2Bdeb12u1?arch=all", purls);

        var deps = root.GetProperty("dependencies").EnumerateArray().ToDictionary(d => d.GetProperty("ref").GetString()!,
            d => d.GetProperty("dependsOn").EnumerateArray().Select(x => x.GetString()!).ToList());
        // the build depends on the configuration's own packages that the image has (cmake, g++-12 …)
        Assert.Contains("pkg:deb/debian/cmake@3.25.1-1?arch=amd64", deps[main.GetProperty("bom-ref").GetString()!]);
        Assert.DoesNotContain(deps[main.GetProperty("bom-ref").GetString()!], d => d.Contains("tzdata", StringComparison.Ordinal));
        // a package depends on what dpkg says, among what is installed
        Assert.Equal(["pkg:deb/debian/libc6@2.36-9%2Bdeb12u10?arch=amd64", "pkg:deb/debian/libstdc%2B%2B6@12.2.0-14%2Bdeb12u1?arch=amd64"],
            deps["pkg:deb/debian/cmake@3.25.1-1?arch=amd64"]);
        // every reference names a component
        var refs = purls.Append(main.GetProperty("bom-ref").GetString()).ToHashSet();
        Assert.All(deps.SelectMany(d => d.Value.Append(d.Key)), r => Assert.Contains(r, refs));
    }

    [Fact]
    public void ImagePackagesAreBuildTimeAndDeclaredSourcesBuiltIntoTheBinaryAreItsComponents()
    {
        var gasnet = Selector.Select(MatrixFile.Open(Matrix.Yaml.RealmMatrixPath), new SelectionOptions { Configs = ["gcc12-release-gasnet.ucx-cpu"] }).Configurations[0];
        var source = Assert.Single(gasnet.Sources, s => s.Name == "gasnet");
        var bom = Sbom.For(new ReleaseNames("realm", "25.06.0"), Tag, gasnet, "linux-x86_64-debian12",
            new ReleaseFile("realm-25.06.0-gcc12-release-gasnet.ucx-cpu-linux-x86_64-debian12.tar.gz", 1234, new string('e', 64)), Facts);
        using var doc = JsonDocument.Parse(ReleaseJson.Serialize(bom));
        var components = doc.RootElement.GetProperty("components").EnumerateArray().ToList();
        var debs = components.Where(c => c.GetProperty("purl").GetString()!.StartsWith("pkg:deb/", StringComparison.Ordinal)).ToList();
        Assert.Equal(Facts.Packages.Count(), debs.Count);
        Assert.All(debs, d => Assert.Equal("excluded", d.GetProperty("scope").GetString()));

        var linked = components.Where(c => c.GetProperty("scope").GetString() == "required").ToList();
        Assert.Equal(gasnet.Sources.Select(s => s.Name).Order(StringComparer.Ordinal), linked.Select(l => l.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        var g = linked.Single(l => l.GetProperty("name").GetString() == "gasnet");
        Assert.Equal(source.Sha256, g.GetProperty("hashes")[0].GetProperty("content").GetString());
        Assert.Equal(source.Url.ToString(), g.GetProperty("externalReferences")[0].GetProperty("url").GetString());
        Assert.StartsWith("pkg:generic/gasnet?download_url=https%3A%2F%2F", g.GetProperty("purl").GetString());
        var main = doc.RootElement.GetProperty("metadata").GetProperty("component").GetProperty("bom-ref").GetString();
        var mainDeps = doc.RootElement.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("ref").GetString() == main)
            .GetProperty("dependsOn").EnumerateArray().Select(x => x.GetString()).ToList();
        Assert.Contains(g.GetProperty("bom-ref").GetString(), mainDeps);
    }

    [Fact]
    public void DpkgOutputIsReadIntoPackagesWithTheirDependencyNames()
    {
        var packages = ImageFacts.ParseDpkg(["zlib1g\t1:1.2.13.dfsg-1\tamd64\tlibc6 (>= 2.14)", "gcc-12\t12.2.0-14\tamd64\tcpp-12 (= 12.2.0-14), libgcc-s1 | libgcc1, binutils:amd64", ""]);
        Assert.Equal(["gcc-12", "zlib1g"], packages.Select(p => p.Name));
        Assert.Equal(new[] { "cpp-12", "libgcc-s1", "binutils" }, packages[0].Depends.ToArray());
        Assert.Equal("1:1.2.13.dfsg-1", packages[1].Version);
    }

    [Fact]
    public void TheManifestCarriesTagCommitVersionAndPerArtifactProvenance()
    {
        var c = Configuration();
        var artifact = new ManifestArtifact("realm-25.06.0-x.tar.gz", 10, new string('a', 64), "realm-25.06.0-x.cdx.json", c.Id,
            c.Axes.ToImmutableSortedDictionary(a => a.Axis, a => a.Value, StringComparer.Ordinal), c.Settings.Cmake,
            new ManifestImage("realm-ci/debian12:0123456789abcdef", new string('b', 64), "debian12", "debian 12"),
            new ManifestToolchain(Facts.Compiler, Facts.VersionsOf(["cmake", "libc6", "absent"])), new ManifestTests(439, 0, 3), "passed");
        var manifest = new ReleaseManifest("realm", Tag.Name, Tag.Commit, "25.06.0", Tag.CommitTime, new ReleaseFile("realm-25.06.0-source.tar.gz", 5, new string('c', 64)),
            [artifact], [new MissingBinary("gcc12-release-ucx-cpu", "failed: build failed", true)]);
        var json = ReleaseJson.Serialize(manifest);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(["project", "tag", "commit", "version", "commitTime", "source", "artifacts", "missing"], root.EnumerateObject().Select(p => p.Name));
        var a = root.GetProperty("artifacts")[0];
        Assert.Equal(["file", "size", "sha256", "sbom", "configuration", "axes", "cmake", "image", "toolchain", "tests", "consumer"], a.EnumerateObject().Select(p => p.Name));
        Assert.Equal("gcc12", a.GetProperty("axes").GetProperty("compiler").GetString());
        Assert.Equal("OFF", a.GetProperty("cmake").GetProperty("REALM_ENABLE_CUDA").GetString());
        Assert.Equal(new[] { "base", "distribution", "recipeSha256", "tag" }, a.GetProperty("image").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("g++-12 (Debian 12.2.0-14+deb12u1) 12.2.0", a.GetProperty("toolchain").GetProperty("compiler").GetString()); // readable, not \u002B
        Assert.Equal(["cmake", "libc6"], a.GetProperty("toolchain").GetProperty("packages").EnumerateObject().Select(p => p.Name));
        Assert.Equal(439, a.GetProperty("tests").GetProperty("passed").GetInt32());
        Assert.True(root.GetProperty("missing")[0].GetProperty("allowed").GetBoolean());
        Assert.Equal(manifest.Commit, ReleaseJson.ReadManifest(json)!.Commit);
    }
}
