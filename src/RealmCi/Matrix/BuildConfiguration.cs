using System.Collections.Immutable;

namespace RealmCi.Matrix;

/// <summary>One axis setting of a configuration.</summary>
public readonly record struct AxisSetting(string Axis, string Value);

/// <summary>
/// One fully resolved configuration: immutable, named by its <see cref="Id"/> everywhere
/// (selection, logs, cache keys, JUnit suites, artifact folders, CI job names).
/// </summary>
public sealed record BuildConfiguration(string Id, ImmutableArray<AxisSetting> Axes, BaseImage Base, Facets Settings)
{
    public string Axis(string name) => Axes.First(a => a.Axis == name).Value;

    /// <summary>The declared sources its settings name, in the order they are named.</summary>
    public ImmutableArray<DeclaredSource> Sources { get; init; } = [];
}
