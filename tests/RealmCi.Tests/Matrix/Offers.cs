using RealmCi.Matrix;

namespace RealmCi.Tests.Matrix;

/// <summary>A matrix with one value per kind of requirement, and the hosts the tests offer it.</summary>
internal static class Offers
{
    public const string Sha = "b56379abe5f1c125bfa83be305d78d81a64aa271b7b5fff0ac17b86725ff3acf";

    public const string Needs = $$"""
        bases:
          deb: { image: "debian:bookworm", bootstrap: { suite: bookworm } }
          vendor: { image: "vendor/cuda:12", requires: [registry] }
          bare: { image: "other/os:1" }
        sources:
          ucc: { url: "https://example.org/ucc/v1.3.0.tar.gz", sha256: {{Sha}}, file: ucc-1.3.0.tar.gz }
        defaults: { base: deb }
        axes:
          net: { values: { local: {}, ucx: { sources: [ucc] }, gasnet: { requires: [internet] } } }
          gpu:
            values:
              cpu: {}
              cuda: { base: vendor, requires: [gpu.nvidia], test: { gpu-labels: [integration] } }
              hip: { requires: [gpu.amd], test: { gpu-labels: [integration] } }
              any: { test: { gpu-labels: [integration] } }
              odd: { base: bare }

        """;

    /// <summary>An air-gapped host: mirror only, no GPU, nothing pulled, nothing downloaded.</summary>
    public static readonly HostOffer AirGapped = HostOffer.From(false, false, [], ["debian:bookworm"], true, []);

    public static Availability Of(string id, HostOffer offer, string text = Needs)
    {
        var matrix = Yaml.Open(text);
        return Availability.Of(ConfigurationResolver.Resolve(matrix, matrix.Find(id)!, Facets.Empty), offer);
    }
}
