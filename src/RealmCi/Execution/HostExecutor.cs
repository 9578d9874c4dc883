using RealmCi.Results;
using RealmCi.Containers;

namespace RealmCi.Execution;

/// <summary>
/// Runs the same planned commands on this machine's toolchain, in the step's working folder with
/// its env: for developers without Docker and for HPC login nodes.
/// </summary>
public sealed class HostExecutor : IExecutor
{
    public ExecutorKind Kind => ExecutorKind.Host;

    public async Task<long> RunAsync(PlannedStep step, IReadOnlyList<string> command, Action<OutputLine> output, CancellationToken cancellation)
    {
        Directory.CreateDirectory(step.WorkingDir);
        return await Processes.RunAsync(command[0], command.Skip(1), step.Env, output, cancellation, step.WorkingDir);
    }
}
