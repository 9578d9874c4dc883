using System.Collections.Concurrent;
using System.Diagnostics;
using RealmCi.Containers;
using RealmCi.Matrix;

namespace RealmCi.Images;

/// <summary>A configuration's image, ready to run.</summary>
public sealed record PreparedImage(string Tag, string Dockerfile, string Base, bool Built, TimeSpan Duration);

/// <summary>
/// Prepares images: resolves the base, renders the recipe, and builds it only when its
/// content-addressed tag is missing. Each recipe is prepared once per run, however many
/// configurations share it.
/// </summary>
public sealed class ImagePreparer(IContainerEngine engine, bool allowPull = true)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ResolvedBase>>> bases = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<PreparedImage>>> images = new();

    public Task<PreparedImage> PrepareAsync(BuildConfiguration configuration, Action<string> log, CancellationToken cancellation)
    {
        var recipe = ImageRecipe.For(configuration);
        var key = recipe.Render(recipe.Base.Image) + recipe.Base.Name;
        return images.GetOrAdd(key, _ => new Lazy<Task<PreparedImage>>(() => BuildAsync(recipe, log, cancellation))).Value;
    }

    private async Task<PreparedImage> BuildAsync(ImageRecipe recipe, Action<string> log, CancellationToken cancellation)
    {
        var started = Stopwatch.StartNew();
        var resolver = new BaseImageResolver(engine, log, allowPull);
        var resolved = await bases.GetOrAdd(recipe.Base.Name, _ => new Lazy<Task<ResolvedBase>>(() => resolver.ResolveAsync(recipe.Base, cancellation))).Value;
        var tag = recipe.Tag(resolved.ImageId);
        var dockerfile = recipe.Render(resolved.Reference);
        if (await engine.ImageIdAsync(tag, cancellation) is not null)
        {
            log($"image {tag} is up to date (base {resolved.Reference}, {resolved.How})");
            return new PreparedImage(tag, dockerfile, resolved.Reference, false, started.Elapsed);
        }
        log($"building image {tag} from {resolved.Reference} ({resolved.How})");
        await engine.BuildAsync(dockerfile, tag, new Dictionary<string, string> { [Labels.Recipe] = tag }, log, cancellation);
        log($"image {tag} built in {started.Elapsed.TotalSeconds:F1} s");
        return new PreparedImage(tag, dockerfile, resolved.Reference, true, started.Elapsed);
    }
}
