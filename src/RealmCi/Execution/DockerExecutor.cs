using RealmCi.Results;
using RealmCi.Containers;

namespace RealmCi.Execution;

/// <summary>
/// Runs each planned command in a fresh container of the plan's image (<see cref="StepPlan.Container"/>):
/// network none, the source read-only at /src, the configuration's folder at /work, ccache at
/// /ccache, as the invoking user, labelled with the run, configuration and step. The engine
/// removes every container when its step ends, fails, times out or is cancelled.
/// </summary>
public sealed class DockerExecutor(IContainerEngine engine, StepPlan plan) : IExecutor
{
    public ExecutorKind Kind => ExecutorKind.Docker;

    public Task<long> RunAsync(PlannedStep step, IReadOnlyList<string> command, Action<OutputLine> output, CancellationToken cancellation) =>
        engine.RunAsync(plan.Container(step, command), output, cancellation);
}
