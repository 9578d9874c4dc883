using System.Collections.Immutable;

namespace RealmCi.Downstream;

/// <summary>
/// How the Realm under test enters the downstream. An <b>overlay</b> copies Realm's paths over
/// the downstream's own (Legion 25.06 compiles Realm from <c>runtime/realm/</c>, whatever else
/// the tree holds); an <b>install</b> builds and installs Realm, then points the downstream's
/// <c>find_package</c> at it through <see cref="InstallVariable"/> (e.g. <c>CMAKE_PREFIX_PATH</c>).
/// </summary>
public sealed record Composition(ImmutableArray<OverlayEntry> Overlay, string? InstallVariable)
{
    /// <summary>Headers the downstream's build generates for Realm from its own template (an overlay keeps them): compared with the Realm under test's to diagnose failures.</summary>
    public ImmutableArray<GeneratedHeader> Generated { get; init; } = [];

    public bool IsInstall => InstallVariable is not null;

    public string Kind => IsInstall ? "install" : "overlay";
}

/// <summary>
/// One overlay path: the first of <see cref="From"/> that exists in the Realm under test (so one
/// entry serves the standalone layout <c>src/realm/</c> and Legion's <c>runtime/realm/</c>) replaces
/// <see cref="To"/> in the downstream's copy. A path ending in '/' is a folder (replaced whole).
/// </summary>
public sealed record OverlayEntry(ImmutableArray<string> From, string To)
{
    public bool IsFolder => To.EndsWith('/');
}

/// <summary>
/// A header the downstream's build generates for Realm from <see cref="Downstream"/> (a template in its
/// copy, e.g. Legion's <c>cmake/realm_defines.h.in</c>) where the Realm under test's own build uses the
/// first of <see cref="Realm"/> that exists: the macros one defines and the other does not are the
/// composition's gaps (<see cref="CompositionGaps"/>).
/// </summary>
public sealed record GeneratedHeader(ImmutableArray<string> Realm, string Downstream);
