using RealmCi.Results;

namespace RealmCi.Images;

/// <summary>
/// One build of an image tag at a time on this host, across realm-ci runs (two runs into
/// different artifacts folders share the engine): an OS lock on
/// <c>LOCKS/image-TAG.lock</c> (<see cref="FileShare.None"/>: <c>flock</c>, released by the
/// kernel when the holder exits or is killed). The second run waits, then finds the image built.
/// Without it, both build the same multi-GB image at once (seen filling a disk in the survey).
/// Where the folder cannot be written (another user's), runs go on without the lock.
/// </summary>
public sealed class ImageBuildLock : IDisposable
{
    /// <summary>The host-wide default folder, under the temporary folder every run on the host shares.</summary>
    public static string DefaultFolder => Path.Combine(Path.GetTempPath(), "realm-ci-locks");

    private readonly FileStream? held;

    private ImageBuildLock(FileStream? held) => this.held = held;

    public static async Task<ImageBuildLock> AcquireAsync(string folder, string tag, Action<ImageLine> log, CancellationToken cancellation, TimeSpan? poll = null)
    {
        string path;
        try
        {
            Directory.CreateDirectory(folder);
            path = Path.Combine(folder, "image-" + string.Concat(tag.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_')) + ".lock");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ImageBuildLock(null);
        }
        var waiting = false;
        while (true)
        {
            try
            {
                return new ImageBuildLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (UnauthorizedAccessException)
            {
                return new ImageBuildLock(null);
            }
            catch (IOException)
            {
                if (!waiting) log(ImageLine.Headline($"waiting: another realm-ci run on this host is building image {tag} ({path})"));
                waiting = true;
            }
            await Task.Delay(poll ?? TimeSpan.FromSeconds(1), cancellation);
        }
    }

    public void Dispose() => held?.Dispose();
}
