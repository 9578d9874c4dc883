using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace RealmCi.IntegrationTests;

/// <summary>One container's create or destroy, as the engine reported it, with the container's labels.</summary>
internal sealed record ContainerEvent(string Id, string Action, IReadOnlyDictionary<string, string> Attributes);

/// <summary>
/// The engine's own record of the containers created and destroyed from now on (<c>docker events</c>),
/// so a test can check what the engine was asked, not what the pipeline printed.
/// </summary>
internal sealed class ContainerEvents : IDisposable
{
    private readonly List<ContainerEvent> events = [];
    private readonly Process process;

    private ContainerEvents()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        process = HostCommand.Start(HostCommand.Info("docker", ["events", "--since", since, "--filter", "type=container",
            "--filter", "event=create", "--filter", "event=destroy", "--format", "{{json .}}"]), out _, Add);
    }

    public static ContainerEvents Watch() => new();

    public IReadOnlyList<ContainerEvent> Seen { get { lock (events) return [.. events]; } }

    /// <summary>Waits until <paramref name="done"/> holds for what was seen (events arrive a little after the fact).</summary>
    public async Task<IReadOnlyList<ContainerEvent>> UntilAsync(Func<IReadOnlyList<ContainerEvent>, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!done(Seen) && clock.Elapsed < timeout) await Task.Delay(100);
        return Seen;
    }

    private void Add(string line)
    {
        if (!line.StartsWith('{')) return;
        using var json = JsonDocument.Parse(line);
        var actor = json.RootElement.GetProperty("Actor");
        var attributes = actor.GetProperty("Attributes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
        lock (events) events.Add(new(actor.GetProperty("ID").GetString()!, json.RootElement.GetProperty("Action").GetString()!, attributes));
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill();
        process.WaitForExit();
        process.Dispose();
    }
}
