using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace RealmCi.Matrix;

public static partial class MatrixLoader
{
    /// <summary>
    /// Reads the facet keys of a mapping. With <paramref name="skipUnknown"/> the caller
    /// has already checked the keys (a rule mixes axis names with facet keys).
    /// </summary>
    internal static Facets ReadFacets(YamlReader r, YamlNode node, string what, IReadOnlyCollection<string> allowed, bool skipUnknown = false)
    {
        var facets = Facets.Empty;
        if (node is not YamlMappingNode && skipUnknown) return facets;
        var entries = skipUnknown
            ? r.Mapping(node, what).Where(e => FacetKeys.Contains(e.Key)).ToList()
            : r.Mapping(node, what, allowed);
        foreach (var (key, _, value) in entries)
        {
            facets = key switch
            {
                "cmake" => facets with { Cmake = r.StringMap(value, $"{what}: cmake", CMakeValue) },
                "env" => facets with { Env = r.StringMap(value, $"{what}: env") },
                "packages" => facets with { Packages = r.StringList(value, $"{what}: packages") },
                "base" => facets with { Base = r.Scalar(value, $"{what}: base") },
                "run" => facets with { Run = r.StringList(value, $"{what}: run") },
                "container" => facets with { Container = ReadContainer(r, value, what) },
                "test" => facets with { Test = ReadTest(r, value, what) },
                "requires" => facets with { Requires = Requirements(r, value, $"{what}: requires") },
                "sources" => facets with { Sources = r.StringList(value, $"{what}: sources") },
                "targets" => facets with { Targets = r.StringList(value, $"{what}: targets") },
                _ => facets, // description: documentation only
            };
        }
        return facets;
    }

    /// <summary>A list of requirement names, each one of <see cref="Requirement.All"/>.</summary>
    internal static ImmutableArray<string> Requirements(YamlReader r, YamlNode node, string what)
    {
        var names = r.StringList(node, what);
        foreach (var name in names.Where(n => !Requirement.All.Contains(n)))
            r.Error(node, $"unknown requirement '{name}' in {what}", Suggest.Hint(name, Requirement.All));
        return [.. names.Where(Requirement.All.Contains)];
    }

    /// <summary>YAML booleans become CMake's ON/OFF; everything else is kept as written.</summary>
    internal static string CMakeValue(string text) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => "ON",
        "false" or "no" or "off" => "OFF",
        _ => text,
    };

    private static ContainerFacet ReadContainer(YamlReader r, YamlNode node, string what)
    {
        var container = ContainerFacet.Empty;
        foreach (var (key, _, value) in r.Mapping(node, $"{what}: container", ContainerKeys))
        {
            var text = r.Scalar(value, $"container.{key}");
            if (key == "gpus" && text is not null && text != "all" && !(int.TryParse(text, out var n) && n > 0))
                r.Error(value, $"container.gpus must be a positive count or 'all', not '{text}'");
            container = key == "gpus" ? container with { Gpus = text } : container with { ShmSize = text };
        }
        return container;
    }

    private static TestFacet ReadTest(YamlReader r, YamlNode node, string what)
    {
        var test = TestFacet.Empty;
        foreach (var (key, _, value) in r.Mapping(node, $"{what}: test", TestKeys))
        {
            test = key switch
            {
                "labels" => test with { Labels = r.StringList(value, "test.labels") },
                "exclude-labels" => test with { ExcludeLabels = r.StringList(value, "test.exclude-labels") },
                "gpu-labels" => test with { GpuLabels = r.StringList(value, "test.gpu-labels") },
                "launch-labels" => test with { LaunchLabels = r.StringList(value, "test.launch-labels") },
                "timeout" => test with { Timeout = r.Int(value, "test.timeout", 1) },
                "ranks" => test with { Ranks = r.Int(value, "test.ranks", 1) },
                "launcher" => test with { Launcher = r.StringList(value, "test.launcher") },
                _ => test,
            };
        }
        return test;
    }
}
