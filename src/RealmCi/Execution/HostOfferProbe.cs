using RealmCi.Containers;
using RealmCi.Images;
using RealmCi.Matrix;
using RealmCi.Sources;

namespace RealmCi.Execution;

/// <summary>
/// Decides once per run, from local facts only, what this host offers the matrix's
/// configurations (<see cref="HostOffer"/>): which bases the engine already has (or has
/// bootstrapped), whether a base can be bootstrapped here, which GPU vendors are present, which
/// declared sources are on disk — plus the settings saying whether downloads and pulls may be
/// attempted at all. It sends nothing off the machine: the engine is asked over its socket, the
/// rest is the host's facts (GPU vendors, tools on PATH) and files.
/// </summary>
public static class HostOfferProbe
{
    public static async Task<HostOffer> ProbeAsync(MatrixDefinition matrix, HostFacts host, IContainerEngine? engine, bool pullsAllowed, bool downloadsAllowed,
        SourceCache sources, CancellationToken cancellation)
    {
        var present = new List<string>();
        if (engine is not null)
        {
            // One engine question per base and form, asked together (a listing waits for them).
            async Task<string?> Present(BaseImage b) =>
                (BaseIdentity.ImageNameStandsForIt(b) && await engine.ImageIdAsync(b.Image, cancellation) is not null)
                || (b.Bootstrap is not null && await engine.ImageIdAsync(BaseIdentity.BootstrapTag(b), cancellation) is not null)
                    ? b.Image : null;
            present.AddRange((await Task.WhenAll(matrix.Bases.Values.Select(Present))).OfType<string>());
        }
        return HostOffer.From(downloadsAllowed, pullsAllowed, host.GpuVendors, present,
            canBootstrap: engine is not null && host.HasTool("debootstrap") && host.User.StartsWith("0:", StringComparison.Ordinal),
            sources.Present(matrix.Sources.Values));
    }
}
