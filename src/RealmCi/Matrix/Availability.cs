using System.Collections.Immutable;

namespace RealmCi.Matrix;

/// <summary>One thing a configuration needs that this host does not offer, and how to provide it.</summary>
public sealed record Unmet(string What, string HowToProvide)
{
    public override string ToString() => $"{What} ({HowToProvide})";
}

/// <summary>
/// Whether a configuration can be prepared and run on this host. <see cref="Unmet"/> lists
/// what is missing (empty: available). A missing GPU never makes a configuration unavailable
/// — it still builds — but its GPU tests are skipped with <see cref="GpuTestsSkipped"/> as the
/// reason. Per requirement kind: a base image must be on the engine, pullable (pulls
/// allowed) or bootstrappable; <c>registry</c> means only present or pullable will do;
/// <c>internet</c> needs downloads allowed; a declared source must be on disk or downloadable.
/// </summary>
public sealed record Availability(ImmutableArray<Unmet> Unmet, string? GpuTestsSkipped)
{
    public bool IsAvailable => Unmet.IsEmpty;

    /// <summary>One line: "available", "available (GPU tests skipped: …)" or "unavailable: …; …".</summary>
    public string Describe() => IsAvailable
        ? GpuTestsSkipped is null ? "available" : $"available (GPU tests skipped: {GpuTestsSkipped})"
        : "unavailable: " + string.Join("; ", Unmet);

    public static Availability Of(BuildConfiguration configuration, HostOffer offer)
    {
        var unmet = ImmutableArray.CreateBuilder<Unmet>();
        var requires = Facets.Union(configuration.Base.Requires, configuration.Settings.Requires);
        var b = configuration.Base;
        var present = offer.Images.Contains(b.Image);
        if (requires.Contains(Requirement.Registry) || b.Bootstrap is null)
        {
            if (!present && !offer.PullsAllowed)
                unmet.Add(new($"base image '{b.Image}' (base '{b.Name}') comes only from a registry and is not on the engine",
                    "allow pulls (--pull=missing) on a host whose registry answers, or docker load the image"));
        }
        else if (!present && !offer.CanBootstrap && !offer.PullsAllowed)
            unmet.Add(new($"base image '{b.Image}' (base '{b.Name}') is not on the engine and cannot be bootstrapped here",
                "install debootstrap (with the mirror reachable), or allow pulls (--pull=missing)"));

        if (requires.Contains(Requirement.Internet) && !offer.DownloadsAllowed)
            unmet.Add(new("needs the internet during the image build (requires: internet)", "allow downloads (--downloads=allow) on a host that is online"));

        foreach (var source in configuration.Sources)
            if (!offer.Sources.Contains(source.Name) && !offer.DownloadsAllowed)
                unmet.Add(new($"source '{source.Name}' ({source.File}) is neither in the source cache nor in a --sources folder",
                    $"download {source.Url} (sha256 {source.Sha256}) into a folder and pass --sources=DIR, or allow downloads (--downloads=allow)"));

        return new(unmet.ToImmutable(), GpuSkipReason(configuration, requires, offer));
    }

    private static string? GpuSkipReason(BuildConfiguration configuration, ImmutableArray<string> requires, HostOffer offer)
    {
        if (configuration.Settings.Test.GpuLabels.IsDefaultOrEmpty) return null;
        var vendors = requires.Select(Requirement.GpuVendor).OfType<string>().ToList();
        if (vendors.Count == 0)
            return offer.HasGpu ? null : "they need a GPU and this host has none";
        if (vendors.Any(offer.GpuVendors.Contains)) return null;
        var wanted = string.Join(" or ", vendors.Select(Vendor));
        return offer.HasGpu
            ? $"they need {Article(wanted)} {wanted} GPU and this host has only {string.Join(", ", offer.GpuVendors.Order().Select(Vendor))}"
            : $"they need {Article(wanted)} {wanted} GPU and this host has none";
    }

    private static string Vendor(string vendor) => vendor switch { "nvidia" => "NVIDIA", "amd" => "AMD", _ => vendor };

    private static string Article(string word) => "AEIOU".Contains(word[0]) ? "an" : "a";
}
