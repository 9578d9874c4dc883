using RealmCi.Containers;
using RealmCi.Errors;
using RealmCi.Layout;

namespace RealmCi.Housekeeping;

/// <summary>What to look at and what to do: show (the default) or remove what is older than a limit.</summary>
public sealed record CleanRequest(string Artifacts, string Cache)
{
    /// <summary>Only images with a tag under this repository prefix are listed or removed.</summary>
    public string ImagePrefix { get; init; } = "realm-ci/";

    /// <summary>Only what was last used longer ago than this (null: everything).</summary>
    public TimeSpan? OlderThan { get; init; }

    public bool Remove { get; init; }

    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>
/// The Clean target: lists realm-ci's images, build trees and caches with their sizes and ages,
/// marks what is older than the limit, and removes it only when asked. Images are removed by
/// their realm-ci tag, never forced: an image another tag names stays, one in use is kept.
/// </summary>
public static class DiskCleanup
{
    public static async Task<int> RunAsync(CleanRequest request, IImageCleaner? engine, Action<string> write, CancellationToken cancellation)
    {
        var items = new List<DiskItem>();
        if (engine is not null)
        {
            try { items.AddRange(await DiskInventory.ImagesAsync(engine, request.ImagePrefix, DiskInventory.ImagesNamedByResults(request.Artifacts), cancellation)); }
            catch (EngineUnavailableException e) { write($"images not listed: {e.Message.Split('\n')[0]}"); }
        }
        items.AddRange(DiskInventory.BuildTrees(request.Artifacts));
        items.AddRange(DiskInventory.CacheFolder(request.Cache));

        var marked = items.Where(i => request.OlderThan is not { } limit || request.Now - i.LastUsed > limit).ToList();
        write($"{"kind",-12} {"size",10}  {"last used",-10} {"action",-7} name");
        foreach (var item in items)
            write($"{item.KindName,-12} {Sizes.Human(item.Bytes),10}  {Sizes.Age(request.Now - item.LastUsed),-10} {(marked.Contains(item) ? "remove" : "keep"),-7} {item.Name}");
        var limitText = request.OlderThan is { } days ? $" (last used more than {(int)days.TotalDays} days ago)" : "";
        write($"{items.Count} items, {Sizes.Human(items.Sum(i => i.Bytes))} (image sizes count shared layers in each image); " +
              $"{marked.Count} marked{limitText}: {Sizes.Human(marked.Sum(i => i.Bytes))}.");
        if (!request.Remove)
        {
            write(marked.Count == 0 ? "Nothing to remove." : $"Nothing removed: add --remove to remove the {marked.Count} marked items.");
            return ExitCodes.Success;
        }

        var (removed, reclaimed, kept) = (0, 0L, 0);
        foreach (var item in marked)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                await RemoveAsync(item, engine, cancellation);
                removed++;
                reclaimed += item.Bytes;
                write($"removed {item.KindName} {item.Name}");
            }
            catch (Exception e) when (e is RealmCiException or IOException or UnauthorizedAccessException)
            {
                kept++;
                write($"kept {item.KindName} {item.Name}: {e.Message.Split('\n')[0]}");
            }
        }
        write($"Removed {removed} items, {Sizes.Human(reclaimed)}{(kept > 0 ? $"; {kept} could not be removed (see above)" : "")}.");
        return kept > 0 ? ExitCodes.Failed : ExitCodes.Success;
    }

    private static async Task RemoveAsync(DiskItem item, IImageCleaner? engine, CancellationToken cancellation)
    {
        switch (item.Kind)
        {
            case DiskKind.Image:
                await engine!.RemoveImageAsync(item.Location, cancellation);
                break;
            case DiskKind.BuildTree:
                foreach (var tree in new[] { new ConfigurationFolder(item.Location).BuildTree, new ConfigurationFolder(item.Location).InstallTree }.Where(Directory.Exists))
                    Directory.Delete(tree, recursive: true);
                break;
            default:
                if (File.Exists(item.Location)) File.Delete(item.Location);
                else if (Directory.Exists(item.Location)) Directory.Delete(item.Location, recursive: true);
                break;
        }
    }
}
