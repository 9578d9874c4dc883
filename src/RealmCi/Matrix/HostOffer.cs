using System.Collections.Immutable;

namespace RealmCi.Matrix;

/// <summary>
/// What this host offers the configurations, decided once per run from local facts: whether
/// downloads and registry pulls may be attempted at all (settings, and whatever probe the
/// caller trusts), the GPU vendors present, the images the engine already has, whether a base
/// can be bootstrapped from the mirror, and which declared sources are already on disk (the
/// source cache or a supplied folder). Plain data: tests build it directly.
/// </summary>
public sealed record HostOffer
{
    /// <summary>Downloads (declared sources, <c>requires: [internet]</c>) may be attempted.</summary>
    public bool DownloadsAllowed { get; init; }

    /// <summary>A base image the engine lacks may be pulled from a registry.</summary>
    public bool PullsAllowed { get; init; }

    /// <summary>A base with a <c>bootstrap</c> section can be made here (debootstrap and the mirror).</summary>
    public bool CanBootstrap { get; init; } = true;

    /// <summary>GPU vendors present: <c>nvidia</c>, <c>amd</c>.</summary>
    public ImmutableHashSet<string> GpuVendors { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>Image references the engine already has (e.g. <c>debian:bookworm</c>).</summary>
    public ImmutableHashSet<string> Images { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>Names of declared sources already on disk (source cache or supplied folder).</summary>
    public ImmutableHashSet<string> Sources { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>The offer of a host made from plain facts.</summary>
    public static HostOffer From(bool downloadsAllowed, bool pullsAllowed, IEnumerable<string> gpuVendors,
        IEnumerable<string> imagesPresent, bool canBootstrap, IEnumerable<string> sourcesPresent) => new()
    {
        DownloadsAllowed = downloadsAllowed,
        PullsAllowed = pullsAllowed,
        GpuVendors = [.. gpuVendors.Select(v => v.ToLowerInvariant())],
        Images = [.. imagesPresent],
        CanBootstrap = canBootstrap,
        Sources = [.. sourcesPresent],
    };

    public bool HasGpu => !GpuVendors.IsEmpty;
}
