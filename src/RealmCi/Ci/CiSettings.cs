using System.Collections.Immutable;

namespace RealmCi.Ci;

/// <summary>Runner labels (GitHub <c>runs-on</c>) and tags (GitLab <c>tags</c>) for one kind of runner.</summary>
public sealed record Runner(string Name, ImmutableArray<string> Github, ImmutableArray<string> Gitlab)
{
    /// <summary>
    /// ci.yaml's <c>build-on</c>: the runner that builds this runner's configurations (with
    /// <c>--pack</c>), so this one only tests them (<c>--from-pack</c>); null: it builds its own.
    /// </summary>
    public Runner? BuildOn { get; init; }
}

/// <summary>
/// Configurations matching every axis pattern of <see cref="Axes"/> (globs, <c>!</c> negates) and
/// the <see cref="Id"/> glob run on <see cref="Runner"/>. The first matching rule wins.
/// </summary>
public sealed record RunnerRule(ImmutableSortedDictionary<string, string> Axes, string? Id, Runner Runner);

/// <summary>
/// What the generated CI needs to know that the matrix does not say: where realm-ci comes
/// from, where the code under test is, when each profile runs and on which runners. Read from
/// <c>ci.yaml</c> next to the matrix file; every key is optional.
/// </summary>
public sealed record CiSettings
{
    /// <summary>Where jobs get realm-ci: <c>self</c> (the repository CI runs in is realm-ci) or a git URL.</summary>
    public string Repository { get; init; } = "self";

    /// <summary>The pinned realm-ci revision (default: the generating commit).</summary>
    public string? Ref { get; init; }

    /// <summary>The code under test, relative to the CI repository's checkout; null: realm-ci clones Realm itself.</summary>
    public string? Source { get; init; }

    /// <summary>Profile → triggers. Profiles not named run by hand only.</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<Trigger>> Triggers { get; init; } = Default;

    public string Schedule { get; init; } = "0 3 * * *";

    /// <summary>The branch whose pushes a <c>push</c> trigger follows.</summary>
    public string Branch { get; init; } = "main";

    /// <summary>Extra arguments for every configuration job's <c>./build.sh</c> (e.g. <c>--pull=never</c>).</summary>
    public ImmutableArray<string> Args { get; init; } = [];

    public Runner DefaultRunner { get; init; } = new("default", ["ubuntu-24.04"], []);

    public ImmutableArray<RunnerRule> Runners { get; init; } = [];

    public static readonly ImmutableSortedDictionary<string, ImmutableArray<Trigger>> Default =
        new Dictionary<string, ImmutableArray<Trigger>>
        {
            ["pr"] = [Trigger.Pr],
            ["nightly"] = [Trigger.Schedule],
            ["release"] = [Trigger.Tag],
        }.ToImmutableSortedDictionary(StringComparer.Ordinal);
}
