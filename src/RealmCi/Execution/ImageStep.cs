using RealmCi.Layout;
using System.Diagnostics;
using RealmCi.CMake;
using RealmCi.Containers;
using RealmCi.Errors;
using RealmCi.Images;
using RealmCi.Matrix;
using RealmCi.Results;

namespace RealmCi.Execution;

/// <summary>
/// The image step of one configuration: waits (at most the image step's timeout) for its
/// image, shared with every configuration of the same recipe, streaming the preparation's
/// output — replayed from its start — into <c>image.log</c> and to the observer as it comes. A
/// base image this host cannot get makes the configuration unavailable, with the reason in
/// <c>image.log</c>.
/// </summary>
internal static class ImageStep
{
    public sealed record Outcome(StepResult Step, PreparedImage? Image, string? Unavailable);

    public static async Task<Outcome> RunAsync(ImagePreparer images, BuildConfiguration c, string folder, PipelineOptions options, IRunObserver observer, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var log = new ConfigurationFolder(folder).Log(StepKind.Image);
        var timeout = options.ImageTimeout;
        observer.StepStarted(c.Id, StepKind.Image, "");
        await using var writer = new StreamWriter(log, append: false) { AutoFlush = true };
        void Line(ImageLine line)
        {
            lock (writer) writer.WriteLine(line.Text); // every line, of every kind
            observer.Detail(line);
        }
        try
        {
            var prepared = await images.PrepareAsync(c, Line, timeout, cancellation);
            return new(new StepResult(StepKind.Image, StepStatus.Passed, 0, clock.Elapsed.TotalSeconds, prepared.Tag, log), prepared, null);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            var why = $"timed out after {timeout.TotalMinutes:0.#} min waiting for the image";
            Line(ImageLine.Note($"realm-ci: image {why}")); // a note, as below: the configuration's result line says it
            return new(new StepResult(StepKind.Image, StepStatus.TimedOut, null, clock.Elapsed.TotalSeconds, null, log, why), null, null);
        }
        catch (ImageBuildException e)
        {
            Line(ImageLine.Note(e.Message));
            return new(new StepResult(StepKind.Image, StepStatus.Failed, null, clock.Elapsed.TotalSeconds, null, log, e.Message), null, null);
        }
        catch (RealmCiException e) when (e.ExitCode is ExitCodes.Unavailable or ExitCodes.ConfigurationUnavailable && e is not EngineUnavailableException)
        {
            Line(ImageLine.Note($"unavailable here: {e.Message}"));
            return new(new StepResult(StepKind.Image, StepStatus.Failed, null, clock.Elapsed.TotalSeconds, null, log, e.Message), null, e.Message);
        }
    }
}
