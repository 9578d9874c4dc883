using RealmCi.Build.Host;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Host;

/// <summary>
/// Only the host layer (build/Host, build/Program.cs) reads the process environment or probes
/// devices; everything else gets <see cref="RealmCi.Execution.HostFacts"/> as a value.
/// </summary>
public sealed class KeepingTheHostAtTheFrontDoor
{
    private static readonly string[] Banned = ["GetEnvironmentVariable", "\"/dev/", "\"/proc/driver", "Console.IsOutputRedirected"];

    /// <summary>Files another item owns, named so the exemption is visible (Caching/Toolchain.cs reads CC, CXX and PATH: the result-cache owner's).</summary>
    private static readonly string[] NotYetMoved = ["src/RealmCi/Caching/Toolchain.cs"];

    [Fact]
    public void NoFileBelowTheHostLayerReadsTheEnvironmentOrProbesDevices()
    {
        var files = new[] { "src", "build" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(Yaml.RepoRoot, d), "*.cs", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(Yaml.RepoRoot, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .ToList();
        Assert.Contains("src/RealmCi/Execution/PipelineOptions.cs", files); // the scan sees the library
        var offending = files
            .Where(f => !f.StartsWith("build/Host/", StringComparison.Ordinal) && f != "build/Program.cs" && !NotYetMoved.Contains(f))
            .SelectMany(f => Banned.Where(File.ReadAllText(Path.Combine(Yaml.RepoRoot, f)).Contains).Select(b => $"{f}: {b}"))
            .ToList();
        Assert.Empty(offending);
    }

    [Fact]
    public void TheProbeTakesTheEngineTheEnvironmentAndTheGpusFromWhatItIsGiven()
    {
        var facts = HostProbe.Probe(new Dictionary<string, string> { ["DOCKER_HOST"] = "unix:///tmp/elsewhere.sock", ["PATH"] = "/nowhere", ["CI"] = "true" },
            present: path => path == "/dev/kfd");
        Assert.Equal("unix:///tmp/elsewhere.sock", facts.EngineEndpoint);
        Assert.Equal("true", facts.Variable("CI"));
        Assert.False(facts.HasTool("sh"));
        Assert.Equal(["amd"], facts.GpuVendors);
        var plain = HostProbe.Probe(new Dictionary<string, string>(), present: path => path == "/proc/driver/nvidia/gpus");
        Assert.Equal("unix:///var/run/docker.sock", plain.EngineEndpoint);
        Assert.Equal(["nvidia"], plain.GpuVendors);
    }
}
