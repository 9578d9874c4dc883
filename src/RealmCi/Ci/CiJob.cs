using System.Collections.Immutable;

namespace RealmCi.Ci;

/// <summary>
/// One generated CI job: its name (a configuration Id, or for a group its Ids: <c>A+B</c>, <c>A+N-more</c>),
/// the runner it needs, the selection arguments it passes to <c>./build.sh</c>, and the
/// configurations those arguments select (for checks and the gate).
/// </summary>
public sealed record CiJob(string Name, Runner Runner, ImmutableArray<string> Args, ImmutableArray<string> Ids)
{
    /// <summary>Build once, test many: the runner that builds this job's one configuration with <c>--pack</c> (null: this job builds and tests).</summary>
    public Runner? BuildOn { get; init; }

    /// <summary>Where the pack is, from the checkout's root, when <see cref="BuildOn"/> is set.</summary>
    public string PackPath => $"{PacksFolder}/{Ids[0]}/{Packs.PackArchive.FileName}";

    /// <summary>The build job's artifacts folder.</summary>
    public string PacksFolder => $"{JobCommand.Packs}/{Name}";

    /// <summary>The build job's name.</summary>
    public string BuildName => Name + "-build";

    /// <summary>The test job's arguments: its selection, and the pack when it tests from one.</summary>
    public ImmutableArray<string> TestArgs => BuildOn is null ? Args : [.. Args, $"--from-pack={PackPath}"];
}

/// <summary>A configuration to place in a job: its Id and the runner its requirements call for.</summary>
public readonly record struct Placement(string Id, Runner Runner);
