using System.Collections.Immutable;
using RealmCi.Errors;

namespace RealmCi.Matrix;

/// <summary>
/// Resolves the settings of one configuration, in the one documented order (later wins):
/// built-in defaults → the file's <c>defaults</c> → each axis value, in axis order → the
/// include that added or extended the row → overrides whose Id glob matches, in file order →
/// the command line (<c>--define</c>, <c>--env</c>). Overrides with a <c>when:</c> wait for the
/// source's facts (<see cref="FactConditions"/>), which apply them below the command line.
/// </summary>
public static class ConfigurationResolver
{
    /// <summary>Used when neither the file nor a value names a base.</summary>
    public static readonly BaseImage BuiltInBase = new("debian12", "debian:bookworm",
        new Bootstrap("bookworm", "http://deb.debian.org/debian", "minbase", ["main"]), "apt", default);

    public static readonly Facets BuiltInDefaults = Facets.Empty with
    {
        Test = TestFacet.Empty with { Timeout = 1500, Ranks = 1 },
    };

    public static BuildConfiguration Resolve(ExpandedMatrix matrix, Row row, Facets commandLine)
    {
        var definition = matrix.Definition;
        var settings = BuiltInDefaults.Then(definition.Defaults);
        for (var a = 0; a < definition.Axes.Length; a++)
            settings = settings.Then(definition.Axes[a].Values[row.Values[a]].Facets);
        if (row.Included is not null) settings = settings.Then(row.Included);
        foreach (var o in definition.Overrides)
            if (o.When.IsEmpty && Glob.Matches(o.Match, row.Id)) settings = settings.Then(o.Facets);
        settings = settings.Then(commandLine);

        var baseName = settings.Base;
        BaseImage image;
        if (baseName is null) image = BuiltInBase;
        else if (!definition.Bases.TryGetValue(baseName, out image!))
            throw new RealmCiException($"base '{baseName}' (from the command line or the matrix) is not defined under 'bases' in {definition.File}");

        var axes = definition.Axes.Select((a, i) => new AxisSetting(a.Name, a.Values[row.Values[i]].Name)).ToImmutableArray();
        var sources = settings.Sources.Where(definition.Sources.ContainsKey).Select(n => definition.Sources[n]).ToImmutableArray();
        return new BuildConfiguration(row.Id, axes, image, settings) { Sources = sources };
    }
}
