using System.Collections.Immutable;

namespace RealmCi.Ci;

/// <summary>
/// One generated CI job: its name (a configuration Id, or <c>RUNNER-I-of-N</c> for a group),
/// the runner it needs, the selection arguments it passes to <c>./build.sh</c>, and the
/// configurations those arguments select (for checks and the gate).
/// </summary>
public sealed record CiJob(string Name, Runner Runner, ImmutableArray<string> Args, ImmutableArray<string> Ids);

/// <summary>A configuration to place in a job: its Id and the runner its requirements call for.</summary>
public readonly record struct Placement(string Id, Runner Runner);
