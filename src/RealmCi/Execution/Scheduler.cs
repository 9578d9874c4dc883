using RealmCi.Matrix;
using RealmCi.Results;

namespace RealmCi.Execution;

/// <summary>How many configurations run at once, and how the machine's cores are divided among them.</summary>
public sealed record Capacity(int Jobs, int CoresPerJob)
{
    /// <summary>
    /// The default: each running build gets at least two cores and ~4 GiB (a Realm compile
    /// takes 1–2 GiB per compiler process), and the cores are divided so the total never
    /// oversubscribes the machine. <paramref name="jobs"/> and <paramref name="parallel"/> override.
    /// </summary>
    public static Capacity For(int cores, double memoryGiB, int? jobs = null, int? parallel = null, int selected = int.MaxValue)
    {
        var byCores = Math.Max(1, cores / 2);
        var byMemory = Math.Max(1, (int)(memoryGiB / 4));
        var j = Math.Max(1, Math.Min(jobs ?? Math.Min(byCores, byMemory), Math.Max(1, selected)));
        return new Capacity(j, parallel ?? Math.Max(1, cores / j));
    }
}

/// <summary>
/// Runs configurations with at most <see cref="Capacity.Jobs"/> at once, in selection order.
/// Keep-going by default: a failed configuration is a result and the others still run. With
/// fail-fast, no new configuration starts after the first failure (a cached or unavailable
/// result is not a failure); running ones finish. Interruption stops launching at once; running
/// ones see the token and clean up. Every selected configuration gets a result, in selection
/// order: those never started are <see cref="ConfigurationStatus.NotRun"/>, with the reason.
/// Each result is reported as soon as it is known.
/// </summary>
public sealed class Scheduler(Capacity capacity, bool failFast)
{
    public async Task<IReadOnlyList<ConfigurationResult>> RunAsync(
        IReadOnlyList<BuildConfiguration> configurations,
        Func<BuildConfiguration, int, CancellationToken, Task<ConfigurationResult>> run,
        Action<ConfigurationResult> finished,
        CancellationToken cancellation,
        Func<BuildConfiguration, string, ConfigurationResult>? notStarted = null)
    {
        var results = new ConfigurationResult?[configurations.Count];
        using var slots = new SemaphoreSlim(capacity.Jobs);
        var running = new List<Task>();
        string? firstFailure = null;
        for (var i = 0; i < configurations.Count; i++)
        {
            try { await slots.WaitAsync(cancellation); }
            catch (OperationCanceledException) { break; }
            if (cancellation.IsCancellationRequested || (failFast && Volatile.Read(ref firstFailure) is not null)) { slots.Release(); break; }
            var index = i;
            running.Add(Task.Run(async () =>
            {
                try
                {
                    var result = await run(configurations[index], capacity.CoresPerJob, cancellation);
                    results[index] = result;
                    if (result.Status == ConfigurationStatus.Failed) Interlocked.CompareExchange(ref firstFailure, result.Id, null);
                    finished(result);
                }
                finally { slots.Release(); }
            }, CancellationToken.None));
        }
        await Task.WhenAll(running);

        var reason = cancellation.IsCancellationRequested ? "not started: interrupted"
            : firstFailure is { } failed ? $"not started: --fail-fast after {failed} failed"
            : "not started";
        for (var i = 0; i < configurations.Count; i++)
        {
            if (results[i] is not null) continue;
            var c = configurations[i];
            results[i] = notStarted?.Invoke(c, reason) ?? ConfigurationResult.NotStarted(c.Id, reason, "", "");
            finished(results[i]!);
        }
        return [.. results.Select(r => r!)];
    }
}
