using System.Collections.Immutable;
using RealmCi.CMake;
using RealmCi.Containers;

namespace RealmCi.Execution;

/// <summary>
/// Runs the same step commands on this machine's toolchain: for developers without Docker and
/// for HPC login nodes. The source is used where it is; results go to the artifacts folder.
/// </summary>
public sealed class HostExecutor(string sourceOnHost, string workOnHost, string ccacheOnHost) : IExecutor
{
    public string Kind => "host";

    public WorkLayout Layout { get; } = new(sourceOnHost, workOnHost);

    public async Task<long> RunAsync(StepKind step, IReadOnlyList<string> command, ImmutableSortedDictionary<string, string> env, Action<OutputLine> output, CancellationToken cancellation) =>
        await Processes.RunAsync(command[0], command.Skip(1), env.SetItem("CCACHE_DIR", ccacheOnHost), output, cancellation, workOnHost);

    public string Describe(StepKind step, IReadOnlyList<string> command, ImmutableSortedDictionary<string, string> env) =>
        "(cd " + ShellQuote.Quote(workOnHost) + " && env " + ShellQuote.Join(env.SetItem("CCACHE_DIR", ccacheOnHost).Select(kv => $"{kv.Key}={kv.Value}")) + " " + ShellQuote.Join(command) + ")";
}
