using System.Collections.Immutable;
using RealmCi.Matrix;

namespace RealmCi.Downstream;

/// <summary>
/// The configuration the downstream is built in: the same Id, base image, packages and env as the
/// Realm configuration (so it runs in that configuration's image), with the composition's CMake
/// definitions (the configuration's that <c>inherit-cmake</c> names, then the downstream's own), the downstream's targets, and its test selection instead of Realm's. For an
/// install composition, the install variable points at this configuration's Realm install in the copy.
/// </summary>
public static class DownstreamConfiguration
{
    public static BuildConfiguration For(BuildConfiguration realm, DownstreamProject d, CompositionPlan plan, string copyAsBuildSees)
    {
        var cmake = realm.Settings.Cmake.Where(kv => d.InheritCmake.Any(g => Glob.Matches(g, kv.Key)))
            .ToImmutableSortedDictionary(StringComparer.Ordinal).SetItems(plan.Cmake);
        if (!cmake.ContainsKey("CMAKE_EXPORT_COMPILE_COMMANDS")) cmake = cmake.Add("CMAKE_EXPORT_COMPILE_COMMANDS", "ON"); // the canary's proof of which sources compiled
        if (d.Compose.InstallVariable is { } variable)
            cmake = cmake.SetItem(variable, $"{copyAsBuildSees}/{CompositionPlan.InstallFolder}/{realm.Id}");
        var t = d.Tests;
        return realm with
        {
            Settings = realm.Settings with
            {
                Cmake = cmake,
                Targets = d.Targets,
                Test = new TestFacet
                {
                    Labels = t.Labels,
                    ExcludeLabels = t.ExcludeLabels,
                    Regex = t.Regex,
                    ExcludeRegex = t.ExcludeRegex,
                    Timeout = t.Timeout ?? realm.Settings.Test.Timeout,
                },
            },
        };
    }
}
