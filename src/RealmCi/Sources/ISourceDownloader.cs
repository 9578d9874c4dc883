namespace RealmCi.Sources;

/// <summary>The one call that sends traffic off the machine: fetch a URL into a file. Tests use a fake.</summary>
public interface ISourceDownloader
{
    /// <summary>Writes the content at <paramref name="url"/> to <paramref name="destination"/> (created or replaced).</summary>
    Task DownloadAsync(Uri url, string destination, CancellationToken cancellation);
}
