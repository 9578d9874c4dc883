using System.Collections.Concurrent;
using System.Diagnostics;
using RealmCi.Containers;
using RealmCi.Errors;
using RealmCi.Matrix;
using RealmCi.Results;

namespace RealmCi.Images;

/// <summary>A configuration's image, ready to run, with the output of its preparation.</summary>
public sealed record PreparedImage(string Tag, string Dockerfile, string Base, bool Built, TimeSpan Duration, IReadOnlyList<string> Log);

/// <summary>
/// Prepares images: resolves the base (by its full recipe), renders the recipe, and builds it
/// only when its content-addressed tag is missing. Each recipe is prepared once per run however
/// many configurations share it (<see cref="SharedPreparation{T}"/>: every waiter sees the
/// output and keeps its own time limit and cancellation; the preparation itself stops after
/// <paramref name="preparationLimit"/>, or when nobody waits). One image builds at a time
/// (package installs are I/O bound and share the mirror); configurations wait only for their own.
/// Across runs on the same host, <see cref="ImageBuildLock"/> keeps two from building one tag at once.
/// </summary>
public sealed class ImagePreparer(IContainerEngine engine, bool allowPull = true, TimeSpan? preparationLimit = null, IBaseBootstrapper? bootstrapper = null,
    Sources.SourceCache? sources = null, string? lockFolder = null)
{
    /// <summary>The image step's default time limit.</summary>
    public static readonly TimeSpan DefaultLimit = StepTimeouts.Default(StepKind.Image);

    private readonly ConcurrentDictionary<string, Task<ResolvedBase>> bases = new();
    private readonly Dictionary<string, SharedPreparation<PreparedImage>> images = [];
    private readonly SemaphoreSlim oneAtATime = new(1);

    public Task<PreparedImage> PrepareAsync(BuildConfiguration configuration, Action<ImageLine> log, CancellationToken cancellation) =>
        PrepareAsync(configuration, log, null, cancellation);

    /// <summary>Waits for the configuration's image (starting its preparation if nobody has), at most <paramref name="timeout"/>.</summary>
    public Task<PreparedImage> PrepareAsync(BuildConfiguration configuration, Action<ImageLine> log, TimeSpan? timeout, CancellationToken cancellation)
    {
        var recipe = ImageRecipe.For(configuration);
        var key = BaseIdentity.Of(recipe.Base) + "\n" + recipe.Render(recipe.Base.Image);
        SharedPreparation<PreparedImage> shared;
        lock (images)
        {
            if (!images.TryGetValue(key, out shared!) || shared.Abandoned)
                images[key] = shared = new SharedPreparation<PreparedImage>((report, token) => BuildAsync(recipe, report, token), preparationLimit ?? DefaultLimit);
        }
        return shared.JoinAsync(log, timeout, cancellation);
    }

    private async Task<PreparedImage> BuildAsync(ImageRecipe recipe, Action<ImageLine> report, CancellationToken cancellation)
    {
        var lines = new List<string>();
        void Log(ImageLine line)
        {
            lock (lines) lines.Add(line.Text);
            report(line);
        }

        await oneAtATime.WaitAsync(cancellation);
        try
        {
            var started = Stopwatch.StartNew();
            var resolved = await ResolveBaseAsync(recipe.Base, Log, cancellation);
            var tag = recipe.Tag(resolved.ImageId);
            var dockerfile = recipe.Render(resolved.Reference);
            if (await engine.ImageIdAsync(tag, cancellation) is not null)
            {
                Log(ImageLine.Note($"image {tag} is up to date (base {resolved.Reference}, {resolved.How})"));
                return new PreparedImage(tag, dockerfile, resolved.Reference, false, started.Elapsed, Snapshot());
            }
            // Another run on this host may be building the same tag: wait for it, then use its image.
            using var buildLock = await ImageBuildLock.AcquireAsync(lockFolder ?? ImageBuildLock.DefaultFolder, tag, Log, cancellation);
            if (await engine.ImageIdAsync(tag, cancellation) is not null)
            {
                Log(ImageLine.Headline($"image {tag} was built meanwhile by another realm-ci run on this host"));
                return new PreparedImage(tag, dockerfile, resolved.Reference, false, started.Elapsed, Snapshot());
            }
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var source in recipe.Sources)
            {
                if (sources is null)
                    throw new RealmCiException($"the image needs source '{source.Name}' ({source.File}) and no source cache was given", ExitCodes.ConfigurationUnavailable);
                var path = await sources.ResolveAsync(source, cancellation); // checked against its pinned SHA-256
                Log(ImageLine.Note($"source '{source.Name}': {path} (sha256 {source.Sha256[..12]}…) → {source.ImagePath}"));
                files[ImageRecipe.ContextPath(source)] = path;
            }
            Log(ImageLine.Headline($"building image {tag} from {resolved.Reference} ({resolved.How})"));
            try
            {
                await engine.BuildAsync(dockerfile, files, tag, new Dictionary<string, string> { [Labels.Recipe] = tag }, text => Log(ImageLine.Output(text)), cancellation);
            }
            catch (ImageBuildException e)
            {
                throw new ImageBuildException(e.Tag, e.Message) { Log = Snapshot() };
            }
            Log(ImageLine.Headline($"image {tag} built in {started.Elapsed.TotalSeconds:F1} s"));
            return new PreparedImage(tag, dockerfile, resolved.Reference, true, started.Elapsed, Snapshot());
        }
        finally
        {
            oneAtATime.Release();
        }

        IReadOnlyList<string> Snapshot()
        {
            lock (lines) return [.. lines];
        }
    }

    /// <summary>Each base (by identity) is resolved once per run; a resolution that was cancelled or failed is tried again by the next image.</summary>
    private async Task<ResolvedBase> ResolveBaseAsync(BaseImage image, Action<ImageLine> log, CancellationToken cancellation)
    {
        var key = BaseIdentity.Of(image);
        var task = bases.GetOrAdd(key, _ => new BaseImageResolver(engine, log, allowPull, bootstrapper).ResolveAsync(image, cancellation));
        try { return await task; }
        catch
        {
            bases.TryRemove(new KeyValuePair<string, Task<ResolvedBase>>(key, task));
            throw;
        }
    }
}
