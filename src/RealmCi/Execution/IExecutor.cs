using RealmCi.Results;
using RealmCi.Containers;

namespace RealmCi.Execution;

/// <summary>Runs the commands of a <see cref="StepPlan"/> somewhere: in a container, or on the host.</summary>
public interface IExecutor
{
    /// <summary>Docker or the host.</summary>
    ExecutorKind Kind { get; }

    /// <summary>
    /// Runs one command of <paramref name="step"/> (its own, or one of its listings) with the
    /// step's env and working folder, to completion, and returns its exit code; on cancellation
    /// it is stopped and cleaned up.
    /// </summary>
    Task<long> RunAsync(PlannedStep step, IReadOnlyList<string> command, Action<OutputLine> output, CancellationToken cancellation);
}
