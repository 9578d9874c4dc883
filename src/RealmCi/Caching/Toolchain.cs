namespace RealmCi.Caching;

/// <summary>
/// What identifies the host's toolchain, for the result-cache key of the host executor: the
/// configured C and C++ compilers (CMAKE_C_COMPILER / CMAKE_CXX_COMPILER, else CC / CXX, else
/// cc / c++) by resolved path and the first line of <c>--version</c>, and the first line of
/// <c>cmake --version</c> and <c>ninja --version</c>. A tool that is missing says so.
/// </summary>
public static class Toolchain
{
    public static async Task<string> IdentifyAsync(IReadOnlyDictionary<string, string> cmake, IReadOnlyDictionary<string, string> env, CancellationToken cancellation)
    {
        var c = cmake.GetValueOrDefault("CMAKE_C_COMPILER") ?? env.GetValueOrDefault("CC") ?? Environment.GetEnvironmentVariable("CC") ?? "cc";
        var cxx = cmake.GetValueOrDefault("CMAKE_CXX_COMPILER") ?? env.GetValueOrDefault("CXX") ?? Environment.GetEnvironmentVariable("CXX") ?? "c++";
        var lines = new List<string>();
        foreach (var tool in new[] { c, cxx, "cmake", "ninja" })
            lines.Add(await DescribeAsync(tool, cancellation));
        return "host:" + string.Join(" | ", lines);
    }

    internal static async Task<string> DescribeAsync(string tool, CancellationToken cancellation)
    {
        var path = Resolve(tool);
        if (path is null) return $"{tool} (missing)";
        try
        {
            var run = await Processes.CaptureAsync(path, ["--version"], cancellation);
            var first = (run.Stdout + run.Stderr).Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";
            return $"{path} {first} (exit {run.ExitCode})";
        }
        catch (Errors.RealmCiException) { return $"{path} (cannot run)"; }
    }

    /// <summary>The tool's full path (following links, so a switched alternative counts), or null.</summary>
    internal static string? Resolve(string tool)
    {
        var candidates = Path.IsPathRooted(tool) ? [tool]
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Where(d => d.Length > 0).Select(d => Path.Combine(d, tool));
        foreach (var candidate in candidates)
        {
            if (!File.Exists(candidate)) continue;
            var info = new FileInfo(candidate);
            return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
        }
        return null;
    }
}
