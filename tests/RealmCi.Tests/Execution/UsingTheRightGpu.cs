using RealmCi.Execution;
using RealmCi.Matrix;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Execution;

/// <summary>GPU tests run only on a GPU their configuration can use: an NVIDIA host never runs HIP's GPU tests.</summary>
public sealed class UsingTheRightGpu
{
    private const string Fixture = """
        bases:
          deb: { image: debian:bookworm }
        defaults:
          base: deb
          packages: [cmake]
          test: { labels: [unit], gpu-labels: [gpu] }
        axes:
          gpu:
            values:
              any: {}
              cuda: { requires: [gpu.nvidia] }
              hip: { requires: [gpu.amd] }

        """;

    private static BuildConfiguration Config(string id) =>
        Selector.Select(Yaml.Open(Fixture), new SelectionOptions { Configs = [id] }).Configurations[0];

    private static PipelineOptions Host(params string[] vendors) => new()
    {
        Source = "/s", Artifacts = "/a", Cache = "/c", GpuPresent = vendors.Length > 0, GpuVendors = [.. vendors],
    };

    [Theory]
    [InlineData("any", new string[0], false)]
    [InlineData("any", new[] { "nvidia" }, true)]
    [InlineData("cuda", new[] { "nvidia" }, true)]
    [InlineData("cuda", new[] { "amd" }, false)]
    [InlineData("hip", new[] { "nvidia" }, false)]
    [InlineData("hip", new[] { "amd" }, true)]
    [InlineData("hip", new[] { "amd", "nvidia" }, true)]
    public void GpuTestsRunOnlyOnAVendorTheConfigurationCanUse(string id, string[] vendors, bool usable) =>
        Assert.Equal(usable, StepPlanner.GpuUsable(Config(id), Host(vendors)));
}
