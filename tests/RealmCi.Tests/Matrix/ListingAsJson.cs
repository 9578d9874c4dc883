using System.Text;
using System.Text.Json;
using RealmCi.Matrix;
using RealmCi.Reporting;

namespace RealmCi.Tests.Matrix;

public class ListingAsJson
{
    private const string Text = """
        bases:
          debian12: { image: "debian:bookworm" }
        defaults:
          base: debian12
          packages: [cmake, ninja-build]
          test: { labels: [unit], timeout: 60 }
        axes:
          compiler:
            values:
              gcc12: { packages: [g++-12], env: { CXX: g++-12 }, cmake: { CMAKE_CXX_FLAGS: "-O2 -DNAME=\"a&b<c>\"" } }
              clang18: { packages: [clang-18], env: { CXX: clang++-18 }, container: { gpus: all, shm-size: 1g } }
          build:
            values:
              release: { cmake: { CMAKE_BUILD_TYPE: Release } }

        """;

    private static string List(string text = Text)
    {
        var selection = Selector.Select(Yaml.Open(text), new SelectionOptions());
        using var output = new MemoryStream();
        MatrixJson.Write(output, selection.Configurations);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public void PlusSignsAndShellCharactersAppearAsTheyAre()
    {
        var json = List();
        Assert.Contains("\"g++-12\"", json);
        Assert.Contains("\"clang++-18\"", json);
        Assert.Contains("a&b<c>", json);
        Assert.DoesNotContain("\\u00", json);
    }

    [Fact]
    public void TheListingParsesBackToTheSameValues()
    {
        using var doc = JsonDocument.Parse(List());
        var gcc = doc.RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "gcc12-release");
        Assert.Equal("g++-12", gcc.GetProperty("env").GetProperty("CXX").GetString());
        Assert.Equal("-O2 -DNAME=\"a&b<c>\"", gcc.GetProperty("cmake").GetProperty("CMAKE_CXX_FLAGS").GetString());
        Assert.Equal(["cmake", "ninja-build", "g++-12"], gcc.GetProperty("packages").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public void EachObjectHasTheDocumentedKeysInOrder()
    {
        using var doc = JsonDocument.Parse(List());
        Assert.Equal(JsonValueKind.Array, doc.RootElement.ValueKind);
        Assert.Equal(2, doc.RootElement.GetArrayLength());
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            Assert.Equal(["id", "axes", "cmake", "env", "packages", "base", "run", "container", "test"], c.EnumerateObject().Select(p => p.Name));
            Assert.Equal(["compiler", "build"], c.GetProperty("axes").EnumerateObject().Select(p => p.Name));
            Assert.Equal(["name", "image"], c.GetProperty("base").EnumerateObject().Select(p => p.Name));
            Assert.Equal(["labels", "excludeLabels", "gpuLabels", "timeout", "ranks", "launcher", "launchLabels"],
                c.GetProperty("test").EnumerateObject().Select(p => p.Name));
            Assert.Equal(1, c.GetProperty("test").GetProperty("ranks").GetInt32());
            Assert.Equal(60, c.GetProperty("test").GetProperty("timeout").GetInt32());
        }
    }

    [Fact]
    public void ContainerSettingsAppearOnlyWhenSet()
    {
        using var doc = JsonDocument.Parse(List());
        var byId = doc.RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        Assert.Empty(byId["gcc12-release"].GetProperty("container").EnumerateObject());
        var clang = byId["clang18-release"].GetProperty("container");
        Assert.Equal("all", clang.GetProperty("gpus").GetString());
        Assert.Equal("1g", clang.GetProperty("shmSize").GetString());
    }

    [Fact]
    public void TheRealMatrixListsGPlusPlusLiterally()
    {
        var m = MatrixFile.Open(Yaml.RealmMatrixPath);
        var selection = Selector.Select(m, new SelectionOptions { Profile = "nightly" });
        using var output = new MemoryStream();
        MatrixJson.Write(output, selection.Configurations, indented: false);
        var json = Encoding.UTF8.GetString(output.ToArray());
        Assert.Contains("g++-12", json);
        Assert.DoesNotContain("\\u002B", json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(selection.Configurations.Count, doc.RootElement.GetArrayLength());
        Assert.Equal(selection.Configurations.Select(c => c.Id), doc.RootElement.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }
}
