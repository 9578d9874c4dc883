using System.Globalization;
using RealmCi.Errors;
using RealmCi.Layout;

namespace RealmCi.Housekeeping;

/// <summary>
/// One run per artifacts folder. The lock is an OS lock on <c>ARTIFACTS/.lock</c> (a file opened
/// with <see cref="FileShare.None"/>: <c>flock</c> on Linux), so the kernel releases it when the
/// holder exits or is killed — a lock is never left stuck. Who holds it (pid, start time) is
/// written next to it, in <c>.lock.owner</c>, for the message a refused run prints.
/// </summary>
public sealed class ArtifactsLock : IDisposable
{
    private readonly FileStream held;
    private readonly string owner;

    private ArtifactsLock(FileStream held, string owner)
    {
        this.held = held;
        this.owner = owner;
    }

    /// <summary>Takes the folder's lock at once, or throws (exit 3) naming the run that holds it.</summary>
    public static ArtifactsLock Acquire(string artifacts)
    {
        Directory.CreateDirectory(artifacts);
        FileStream stream;
        try
        {
            stream = new FileStream(new ArtifactsFolder(artifacts).Lock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new RealmCiException($"artifacts folder {artifacts} is in use by {Holder(artifacts)}; use --artifacts=DIR for a parallel run", ExitCodes.Unavailable);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new RealmCiException($"artifacts folder {artifacts} cannot be written: {e.Message}", ExitCodes.Unavailable, e);
        }
        var ownerFile = new ArtifactsFolder(artifacts).LockOwner;
        var started = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        File.WriteAllText(ownerFile, $"{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)} {started}\n");
        return new ArtifactsLock(stream, ownerFile);
    }

    /// <summary>"realm-ci pid N since T", from what the holder wrote.</summary>
    private static string Holder(string artifacts)
    {
        try
        {
            var text = File.ReadAllText(new ArtifactsFolder(artifacts).LockOwner).Trim();
            var space = text.IndexOf(' ');
            if (space > 0) return $"realm-ci pid {text[..space]} since {text[(space + 1)..]}";
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return "another realm-ci run";
    }

    public void Dispose()
    {
        try { File.Delete(owner); } catch (IOException) { } // before the lock goes: never delete the next holder's
        held.Dispose();
    }
}
