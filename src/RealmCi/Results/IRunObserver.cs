using RealmCi.Matrix;

namespace RealmCi.Results;

/// <summary>
/// What happens during a run, as events: the plain reporter turns them into timestamped lines
/// (CI logs), the live view into a table that updates in place (a terminal).
/// </summary>
public interface IRunObserver
{
    /// <summary>Runs the whole pipeline inside whatever display the observer keeps up.</summary>
    Task<T> Around<T>(Func<Task<T>> run);

    /// <summary>A pipeline-level message (engine, fallbacks, orphans, capacity).</summary>
    void Log(string line);

    /// <summary>Image preparation output: headlines, notes and the tools' own lines, each saying which it is.</summary>
    void Detail(ImageLine line);

    void Queued(IReadOnlyList<BuildConfiguration> configurations);

    void StepStarted(string id, StepKind step, string command);

    /// <summary>Progress inside a step, e.g. Ninja's "[42/179]".</summary>
    void Progress(string id, int done, int total);

    void Finished(ConfigurationResult result);

    void Summary(IReadOnlyList<ConfigurationResult> results, int selected);
}
