namespace RealmCi.Sources;

/// <summary>Downloads with <see cref="HttpClient"/>, following redirects (GitHub archives redirect).</summary>
public sealed class HttpSourceDownloader(HttpClient client) : ISourceDownloader
{
    public HttpSourceDownloader() : this(new HttpClient { Timeout = TimeSpan.FromMinutes(10) })
    {
    }

    public async Task DownloadAsync(Uri url, string destination, CancellationToken cancellation)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellation);
        response.EnsureSuccessStatusCode();
        await using var input = await response.Content.ReadAsStreamAsync(cancellation);
        await using var output = File.Create(destination);
        await input.CopyToAsync(output, cancellation);
    }
}
