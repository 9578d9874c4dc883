using System.Collections.Immutable;
using RealmCi.CMake;
using RealmCi.Containers;

namespace RealmCi.Execution;

/// <summary>Runs a configuration's step commands somewhere: in a container, or on the host.</summary>
public interface IExecutor
{
    /// <summary>"docker" or "host".</summary>
    string Kind { get; }

    /// <summary>Paths as the commands see them.</summary>
    WorkLayout Layout { get; }

    /// <summary>Runs one command to completion and returns its exit code; on cancellation it is stopped and cleaned up.</summary>
    Task<long> RunAsync(StepKind step, IReadOnlyList<string> command, ImmutableSortedDictionary<string, string> env, Action<OutputLine> output, CancellationToken cancellation);

    /// <summary>The same command as one line a person can paste into a shell (for reproduce.sh).</summary>
    string Describe(StepKind step, IReadOnlyList<string> command, ImmutableSortedDictionary<string, string> env);
}
