using System.Collections.Immutable;

namespace RealmCi.Matrix;

/// <summary>One axis setting of a configuration.</summary>
/// <remarks>A class, not a struct: the framework's generic collections over a reference type share ReadyToRun code, over our struct
/// they were JIT-compiled at every start (73 methods of the JSON listing's 574).</remarks>
public sealed record AxisSetting(string Axis, string Value);

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
