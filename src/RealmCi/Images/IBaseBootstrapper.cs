using RealmCi.Matrix;
using RealmCi.Results;

namespace RealmCi.Images;

/// <summary>Makes a base image from a distribution mirror and imports it under a tag (the air-gapped path).</summary>
public interface IBaseBootstrapper
{
    Task BootstrapAsync(Bootstrap bootstrap, string tag, Action<ImageLine> log, CancellationToken cancellation);
}
