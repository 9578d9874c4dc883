namespace RealmCi.Matrix;

/// <summary>
/// What a base or an axis value needs beyond the distribution mirror, written in the matrix
/// as <c>requires: [...]</c>. <see cref="Internet"/> and <see cref="Registry"/> make a
/// configuration unavailable on a host that cannot offer them; a GPU vendor does not (the
/// configuration builds; its GPU tests are skipped with the reason).
/// </summary>
public static class Requirement
{
    /// <summary>Downloads at image build (something not in the mirror nor a declared source).</summary>
    public const string Internet = "internet";

    /// <summary>The base image comes only from a registry (no bootstrap path).</summary>
    public const string Registry = "registry";

    /// <summary>The GPU tests need an NVIDIA GPU.</summary>
    public const string GpuNvidia = "gpu.nvidia";

    /// <summary>The GPU tests need an AMD GPU.</summary>
    public const string GpuAmd = "gpu.amd";

    public static readonly IReadOnlyList<string> All = [Internet, Registry, GpuNvidia, GpuAmd];

    /// <summary>The GPU vendor a requirement names (<c>nvidia</c>, <c>amd</c>), or null.</summary>
    public static string? GpuVendor(string requirement) =>
        requirement.StartsWith("gpu.", StringComparison.Ordinal) ? requirement[4..] : null;
}
