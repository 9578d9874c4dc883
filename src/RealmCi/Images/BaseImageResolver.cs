using RealmCi.Containers;
using RealmCi.Errors;
using RealmCi.Matrix;
using RealmCi.Results;

namespace RealmCi.Images;

/// <summary>A base image as the engine has it.</summary>
public sealed record ResolvedBase(string Reference, string ImageId, string How);

/// <summary>
/// Finds a configuration's base image, by its full recipe (<see cref="BaseIdentity"/>): the
/// base's own bootstrapped image when made earlier; else — when the image name can stand for
/// the base — the engine's copy, or a pull (unless pulls are off); else, for bases with a
/// <c>bootstrap</c> section, a root file system bootstrapped from the mirror and imported as
/// <c>realm-ci/base-NAME:HASH</c> (made once per engine).
/// </summary>
public sealed class BaseImageResolver(IContainerEngine engine, Action<ImageLine> log, bool allowPull = true, IBaseBootstrapper? bootstrapper = null)
{
    public async Task<ResolvedBase> ResolveAsync(BaseImage image, CancellationToken cancellation)
    {
        var tag = image.Bootstrap is not null ? BaseIdentity.BootstrapTag(image) : null;
        if (tag is not null && await engine.ImageIdAsync(tag, cancellation) is { } earlier) return new(tag, earlier, "bootstrapped earlier");

        string? pullError = null;
        if (BaseIdentity.ImageNameStandsForIt(image))
        {
            if (await engine.ImageIdAsync(image.Image, cancellation) is { } id) return new(image.Image, id, "local");
            pullError = allowPull ? null : "pulls are off (--pull=never)";
            if (allowPull)
            try
            {
                log(ImageLine.Headline($"pulling {image.Image}"));
                await engine.PullAsync(image.Image, text => log(ImageLine.Output(text)), cancellation);
                if (await engine.ImageIdAsync(image.Image, cancellation) is { } pulled) return new(image.Image, pulled, "pulled");
            }
            catch (Exception e) when (e is not OperationCanceledException and not EngineUnavailableException)
            {
                pullError = e.Message.Split('\n')[0];
                log(ImageLine.Headline($"pull of {image.Image} failed: {pullError}"));
            }
        }
        else log(ImageLine.Headline($"base '{image.Name}' bootstraps more than '{image.Image}' holds ({string.Join(",", image.Bootstrap!.Components)}): made from its recipe as {tag}"));

        if (image.Bootstrap is not { } bootstrap)
            throw new RealmCiException($"base image '{image.Image}' is not in the engine and could not be pulled ({pullError}); " +
                $"load it (docker load / docker import) or give base '{image.Name}' a bootstrap section", ExitCodes.Unavailable);

        await (bootstrapper ?? new Debootstrap(engine)).BootstrapAsync(bootstrap, tag!, log, cancellation);
        return new(tag!, await engine.ImageIdAsync(tag!, cancellation) ?? throw new RealmCiException($"importing {tag} left no image", ExitCodes.Unavailable), "bootstrapped");
    }

    /// <summary>The tag of a bootstrapped base (see <see cref="BaseIdentity.BootstrapTag"/>).</summary>
    public static string BootstrapTag(BaseImage b) => BaseIdentity.BootstrapTag(b);

    /// <summary>The debootstrap command, as a list.</summary>
    public static IReadOnlyList<string> DebootstrapArguments(Bootstrap b, string target) => Debootstrap.Arguments(b, target);
}
