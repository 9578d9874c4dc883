using System.Collections.Concurrent;
using System.Diagnostics;
using RealmCi.Containers;
using RealmCi.Matrix;

namespace RealmCi.Images;

/// <summary>A configuration's image, ready to run, with the output of its preparation.</summary>
public sealed record PreparedImage(string Tag, string Dockerfile, string Base, bool Built, TimeSpan Duration, IReadOnlyList<string> Log);

/// <summary>
/// Prepares images: resolves the base, renders the recipe, and builds it only when its
/// content-addressed tag is missing. Each recipe is prepared once per run however many
/// configurations share it, and one image builds at a time (package installs are I/O bound and
/// share the mirror); configurations wait only for their own image.
/// </summary>
public sealed class ImagePreparer(IContainerEngine engine, bool allowPull = true)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ResolvedBase>>> bases = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<PreparedImage>>> images = new();
    private readonly SemaphoreSlim oneAtATime = new(1);

    public Task<PreparedImage> PrepareAsync(BuildConfiguration configuration, Action<string> log, CancellationToken cancellation)
    {
        var recipe = ImageRecipe.For(configuration);
        var key = recipe.Base.Name + "\n" + recipe.Render(recipe.Base.Image);
        return images.GetOrAdd(key, _ => new Lazy<Task<PreparedImage>>(() => BuildAsync(recipe, log, cancellation))).Value;
    }

    private async Task<PreparedImage> BuildAsync(ImageRecipe recipe, Action<string> report, CancellationToken cancellation)
    {
        var lines = new List<string>();
        void Log(string line)
        {
            lock (lines) lines.Add(line);
            report(line);
        }

        await oneAtATime.WaitAsync(cancellation);
        try
        {
            var started = Stopwatch.StartNew();
            var resolver = new BaseImageResolver(engine, Log, allowPull);
            var resolved = await bases.GetOrAdd(recipe.Base.Name, _ => new Lazy<Task<ResolvedBase>>(() => resolver.ResolveAsync(recipe.Base, cancellation))).Value;
            var tag = recipe.Tag(resolved.ImageId);
            var dockerfile = recipe.Render(resolved.Reference);
            if (await engine.ImageIdAsync(tag, cancellation) is not null)
            {
                Log($"image {tag} is up to date (base {resolved.Reference}, {resolved.How})");
                return new PreparedImage(tag, dockerfile, resolved.Reference, false, started.Elapsed, lines);
            }
            Log($"building image {tag} from {resolved.Reference} ({resolved.How})");
            try
            {
                await engine.BuildAsync(dockerfile, tag, new Dictionary<string, string> { [Labels.Recipe] = tag }, Log, cancellation);
            }
            catch (ImageBuildException e)
            {
                throw new ImageBuildException(e.Tag, e.Message) { Log = lines };
            }
            Log($"image {tag} built in {started.Elapsed.TotalSeconds:F1} s");
            return new PreparedImage(tag, dockerfile, resolved.Reference, true, started.Elapsed, lines);
        }
        finally
        {
            oneAtATime.Release();
        }
    }
}
