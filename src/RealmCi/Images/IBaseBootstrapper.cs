using RealmCi.Matrix;

namespace RealmCi.Images;

/// <summary>Makes a base image from a distribution mirror and imports it under a tag (the air-gapped path).</summary>
public interface IBaseBootstrapper
{
    Task BootstrapAsync(Bootstrap bootstrap, string tag, Action<string> log, CancellationToken cancellation);
}
