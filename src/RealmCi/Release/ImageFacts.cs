using System.Collections.Immutable;
using RealmCi.Containers;
using RealmCi.Errors;
using RealmCi.Matrix;

namespace RealmCi.Release;

/// <summary>A distribution package installed in an image, with the names it depends on.</summary>
public sealed record InstalledPackage(string Name, string Version, string Architecture, ImmutableArray<string> Depends);

/// <summary>What an image really holds, read from it (never assumed): its distribution, packages and compiler.</summary>
public sealed record ImageFacts(string Distribution, string DistributionVersion, string Compiler, ImmutableArray<InstalledPackage> Packages)
{
    /// <summary>
    /// Runs three short containers of <paramref name="image"/> (network none, removed
    /// afterwards): <c>dpkg-query -W</c>, the configuration's C++ compiler with
    /// <c>--version</c>, and <c>/etc/os-release</c>.
    /// </summary>
    public static async Task<ImageFacts> ReadAsync(IContainerEngine engine, string image, BuildConfiguration c, string user,
        ImmutableSortedDictionary<string, string> labels, CancellationToken cancellation)
    {
        var compiler = c.Settings.Cmake.GetValueOrDefault("CMAKE_CXX_COMPILER") ?? "c++";
        var dpkg = await RunAsync(engine, image, user, labels, ["dpkg-query", "-W", "-f=${Package}\t${Version}\t${Architecture}\t${Depends}\n"], cancellation);
        var version = await RunAsync(engine, image, user, labels, [compiler, "--version"], cancellation);
        var release = await RunAsync(engine, image, user, labels, ["cat", "/etc/os-release"], cancellation);
        var os = ParseOsRelease(release);
        return new ImageFacts(os.GetValueOrDefault("ID", "linux"), os.GetValueOrDefault("VERSION_ID", ""),
            version.FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? compiler, ParseDpkg(dpkg));
    }

    /// <summary>The installed version of each of <paramref name="names"/> the image has.</summary>
    public ImmutableSortedDictionary<string, string> VersionsOf(IEnumerable<string> names) =>
        names.Distinct().Select(n => Packages.FirstOrDefault(p => p.Name == n)).OfType<InstalledPackage>()
            .ToImmutableSortedDictionary(p => p.Name, p => p.Version, StringComparer.Ordinal);

    internal static ImmutableArray<InstalledPackage> ParseDpkg(IEnumerable<string> lines) =>
    [
        .. lines.Select(l => l.Split('\t')).Where(f => f.Length >= 3 && f[0].Length > 0 && f[1].Length > 0)
            .Select(f => new InstalledPackage(f[0], f[1], f[2], f.Length > 3 ? DependencyNames(f[3]) : []))
            .OrderBy(p => p.Name, StringComparer.Ordinal),
    ];

    /// <summary>"libc6 (>= 2.34), libgcc-s1 | libgcc1" → libc6, libgcc-s1 (the first of alternatives; architecture qualifiers dropped).</summary>
    internal static ImmutableArray<string> DependencyNames(string depends) =>
    [
        .. depends.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split('|')[0].Trim().Split(' ', '(')[0].Split(':')[0])
            .Where(n => n.Length > 0).Distinct(),
    ];

    internal static Dictionary<string, string> ParseOsRelease(IEnumerable<string> lines) => lines
        .Select(l => l.Split('=', 2)).Where(kv => kv.Length == 2)
        .GroupBy(kv => kv[0]).ToDictionary(g => g.Key, g => g.First()[1].Trim('"'));

    private static async Task<List<string>> RunAsync(IContainerEngine engine, string image, string user, ImmutableSortedDictionary<string, string> labels,
        ImmutableArray<string> command, CancellationToken cancellation)
    {
        var lines = new List<string>();
        var errors = new List<string>();
        var spec = new ContainerSpec(image, command, ImmutableSortedDictionary<string, string>.Empty.Add("HOME", "/tmp"), user, "/tmp", [],
            labels.SetItem(Labels.Step, "release-facts"));
        var code = await engine.RunAsync(spec, line => (line.IsError ? errors : lines).Add(line.Text), cancellation);
        if (code != 0)
            throw new RealmCiException($"reading {image}: '{string.Join(' ', command)}' exited with {code}: {errors.LastOrDefault() ?? ""}", ExitCodes.Failed);
        return lines;
    }
}
