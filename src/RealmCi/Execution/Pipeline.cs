using RealmCi.Containers;
using RealmCi.Errors;
using RealmCi.Images;
using RealmCi.Matrix;
using RealmCi.Reporting;

namespace RealmCi.Execution;

/// <summary>
/// The Build and Test targets: choose the executor, run every selected configuration (a
/// failure is a result; the others still run), report, and return the exit code:
/// 0 all passed, 1 any failed, 130 interrupted.
/// </summary>
public static class Pipeline
{
    public static async Task<int> RunAsync(Selection selection, PipelineOptions options, Func<IContainerEngine> connect,
        RunReporter reporter, CancellationToken cancellation)
    {
        var engine = await ChooseEngineAsync(options.Executor, connect, reporter.Log, cancellation);
        var images = engine is null ? null : new ImagePreparer(engine, options.Pull);
        var runner = new ConfigurationRunner(options, engine, images, reporter.Log);
        var results = new List<ConfigurationResult>();
        try
        {
            foreach (var configuration in selection.Configurations)
            {
                cancellation.ThrowIfCancellationRequested();
                reporter.Starting(configuration);
                var result = await runner.RunAsync(configuration, cancellation);
                results.Add(result);
                reporter.Finished(result);
                if (result.Status == ConfigurationStatus.Cancelled) break;
            }
        }
        catch (OperationCanceledException) { }
        finally
        {
            reporter.Summary(results, selection.Configurations.Count);
        }
        if (cancellation.IsCancellationRequested || results.Any(r => r.Status == ConfigurationStatus.Cancelled)) return ExitCodes.Interrupted;
        return results.All(r => r.Status == ConfigurationStatus.Passed) ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>Prepares the images of a selection without building anything.</summary>
    public static async Task<int> PrepareImagesAsync(Selection selection, bool pull, Func<IContainerEngine> connect, RunReporter reporter, CancellationToken cancellation)
    {
        var engine = connect();
        await engine.PingAsync(cancellation);
        var images = new ImagePreparer(engine, pull);
        var failed = 0;
        foreach (var c in selection.Configurations)
        {
            try
            {
                var image = await images.PrepareAsync(c, reporter.Detail, cancellation);
                reporter.Line($"{c.Id}: {image.Tag} ({(image.Built ? $"built in {image.Duration.TotalSeconds:F1} s" : "up to date")})");
            }
            catch (ImageBuildException e)
            {
                failed++;
                reporter.Line($"{c.Id}: {e.Message}");
            }
        }
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>Docker when asked or (auto) when the engine answers; the host otherwise, said out loud.</summary>
    public static async Task<IContainerEngine?> ChooseEngineAsync(ExecutorKind kind, Func<IContainerEngine> connect, Action<string> log, CancellationToken cancellation)
    {
        if (kind == ExecutorKind.Host) return null;
        var engine = connect();
        try
        {
            var info = await engine.PingAsync(cancellation);
            log($"Docker engine {info.Version} (API {info.ApiVersion}) at {info.Endpoint}");
            return engine;
        }
        catch (EngineUnavailableException e) when (kind == ExecutorKind.Auto)
        {
            log($"no Docker engine answers at {e.Endpoint}: falling back to the host executor (this machine's toolchain). Pass --executor=docker to require Docker.");
            return null;
        }
    }
}
