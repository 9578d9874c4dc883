using RealmCi.Matrix;

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
/// fail-fast, no new configuration starts after the first failure; running ones finish.
/// Interruption stops launching at once; running ones see the token and clean up.
/// Results come back in selection order, each reported as soon as it finishes.
/// </summary>
public sealed class Scheduler(Capacity capacity, bool failFast)
{
    public async Task<IReadOnlyList<ConfigurationResult>> RunAsync(
        IReadOnlyList<BuildConfiguration> configurations,
        Func<BuildConfiguration, int, CancellationToken, Task<ConfigurationResult>> run,
        Action<ConfigurationResult> finished,
        CancellationToken cancellation)
    {
        var results = new ConfigurationResult?[configurations.Count];
        using var slots = new SemaphoreSlim(capacity.Jobs);
        var running = new List<Task>();
        var failed = 0;
        for (var i = 0; i < configurations.Count; i++)
        {
            try { await slots.WaitAsync(cancellation); }
            catch (OperationCanceledException) { break; }
            if (cancellation.IsCancellationRequested || (failFast && Volatile.Read(ref failed) > 0)) { slots.Release(); break; }
            var index = i;
            running.Add(Task.Run(async () =>
            {
                try
                {
                    var result = await run(configurations[index], capacity.CoresPerJob, cancellation);
                    results[index] = result;
                    if (result.Status != ConfigurationStatus.Passed) Interlocked.Increment(ref failed);
                    finished(result);
                }
                finally { slots.Release(); }
            }, CancellationToken.None));
        }
        await Task.WhenAll(running);
        return results.Where(r => r is not null).Select(r => r!).ToList();
    }
}
