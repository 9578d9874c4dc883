using System.Collections.Immutable;
using RealmCi.Matrix;

namespace RealmCi.Downstream;

/// <summary>
/// The configuration the downstream is built in: the same Id, base image, packages and env as the
/// Realm configuration (so it runs in that configuration's image), with the composition's CMake
/// definitions (the configuration's that <c>inherit-cmake</c> names, then the downstream's own), the downstream's targets, and its test selection instead of Realm's. For an
/// install composition, the install variable points at this configuration's Realm install in the copy.
/// The downstream's copies of Realm's own tests (<see cref="RealmsOwnTests"/>) are left out of its
/// selection; <see cref="ForRealmsOwnTests"/> is the configuration that runs them instead.
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
        var own = t.RealmsOwn;
        var test = new TestFacet
        {
            Labels = t.Labels,
            ExcludeLabels = own is null ? t.ExcludeLabels : [.. t.ExcludeLabels, .. own.Labels],
            Regex = t.Regex,
            ExcludeRegex = own?.Regex is { } r ? (t.ExcludeRegex is { } e ? $"(?:{e})|(?:{r})" : r) : t.ExcludeRegex,
            Timeout = t.Timeout ?? realm.Settings.Test.Timeout,
        };
        // Realm's older tests are left out here because they run apart: accounted as run there, not as filtered away.
        if (own is not null) test = test with { Elsewhere = new SplitPart($"{d.Name}'s run of Realm's older tests", OwnTests(own, test)) };
        return realm with { Settings = realm.Settings with { Cmake = cmake, Targets = d.Targets, Test = test } };
    }

    private static TestFacet OwnTests(RealmsOwnTests own, TestFacet downstream) =>
        new() { Labels = own.Labels, Regex = own.Regex, Timeout = downstream.Timeout };

    /// <summary>The same build, selecting only the downstream's copies of Realm's own tests (and building only their targets, when named).</summary>
    public static BuildConfiguration ForRealmsOwnTests(BuildConfiguration realm, DownstreamProject d, CompositionPlan plan, string copyAsBuildSees)
    {
        var own = d.Tests.RealmsOwn ?? throw new InvalidOperationException($"{d.Name} names no realms-own-tests");
        var c = For(realm, d, plan, copyAsBuildSees);
        return c with
        {
            Settings = c.Settings with
            {
                Targets = own.Targets.IsEmpty ? d.Targets : own.Targets,
                // The downstream's own tests are left out here because they run in its selection.
                Test = OwnTests(own, c.Settings.Test) with { Elsewhere = new SplitPart($"the {d.Name} run", c.Settings.Test with { Elsewhere = null }) },
            },
        };
    }
}
