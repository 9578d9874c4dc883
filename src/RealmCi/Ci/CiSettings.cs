using System.Collections.Immutable;

namespace RealmCi.Ci;

/// <summary>Runner labels (GitHub <c>runs-on</c>) and tags (GitLab <c>tags</c>) for one kind of runner.</summary>
public sealed record Runner(string Name, ImmutableArray<string> Github, ImmutableArray<string> Gitlab)
{
    /// <summary>
    /// The runner that builds this runner's configurations (with <c>--pack</c>), so this one
    /// only tests them (<c>--from-pack</c>); null: it builds its own. The planner sets it per
    /// configuration from <see cref="BuildOnCandidates"/> (the first whose disk fits).
    /// </summary>
    public Runner? BuildOn { get; init; }

    /// <summary>ci.yaml's <c>build-on</c>: the runners that may build this one's configurations, in order of preference.</summary>
    public ImmutableArray<Runner> BuildOnCandidates { get; init; } = [];

    /// <summary>
    /// ci.yaml's <c>self-hosted: true</c>: a machine someone owns (GPU runners). Only code a
    /// maintainer approved may reach it: no job on it is ever generated for a pull/merge
    /// request pipeline (README.md, "Who may run code on self-hosted runners").
    /// </summary>
    public bool SelfHosted { get; init; }

    /// <summary>ci.yaml's <c>disk</c>: free disk in GB a job gets there; null: not declared (fits anything).</summary>
    public int? DiskGb { get; init; }

    public bool Fits(int? needGb) => needGb is null || DiskGb is null || DiskGb >= needGb;
}

/// <summary>ci.yaml's <c>disk-needs</c> entry: configurations matching the axis globs and Id glob need <see cref="Gb"/> of free disk to build.</summary>
public sealed record DiskNeed(ImmutableSortedDictionary<string, string> Axes, string? Id, int Gb);

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

    /// <summary>What configurations need of disk to build (the first match wins; none: no need declared).</summary>
    public ImmutableArray<DiskNeed> DiskNeeds { get; init; } = [];

    /// <summary>The approved trigger follows pushes to branches named PREFIX + a number (copy-pr-bot's <c>pull-request/N</c>).</summary>
    public string ApprovedBranchPrefix { get; init; } = "pull-request/";

    /// <summary>Paths (a trailing '/' means a folder) whose change in an approved commit is flagged to the approver.</summary>
    public ImmutableArray<string> CiFiles { get; init; } = [".github/", ".gitlab-ci.yml", ".gitlab/", "matrix/ci.yaml"];

    /// <summary>
    /// ci.yaml's <c>actions:</c>: the actions the generated workflows use (checkout, cache,
    /// upload-artifact, download-artifact), each pinned by SHA. Without the table the workflows
    /// name the action by its major tag and say so in the first line of the file.
    /// </summary>
    public ImmutableSortedDictionary<string, ActionPin> Actions { get; init; } = ImmutableSortedDictionary<string, ActionPin>.Empty;

    public JobSettings Jobs { get; init; } = new();

    /// <summary>
    /// ci.yaml's <c>targets:</c>, profile → what its jobs run: <c>Test</c> (the default: a job per
    /// configuration), <c>Canary</c> (a job per configuration, <c>--target=Canary</c>, the
    /// downstream cloned) or <c>Release</c> (one job for the tag: <c>--target=Release</c>, then the
    /// release's files published with provenance). Canary and Release run only on trusted refs.
    /// </summary>
    public ImmutableSortedDictionary<string, string> Targets { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    public string TargetOf(string profile) => Targets.TryGetValue(profile, out var target) ? target : "Test";

    public static readonly string[] KnownTargets = ["Test", "Canary", "Release"];

    /// <summary>Days GitHub keeps the artifacts (logs, packs) of a run (ci.yaml <c>retention-days</c>).</summary>
    public int RetentionDays { get; init; } = 7;

    /// <summary>Every kind of runner: the default, then each rule's (first occurrence of each name).</summary>
    public IEnumerable<Runner> AllRunners => new[] { DefaultRunner }.Concat(Runners.Select(r => r.Runner)).DistinctBy(r => r.Name);

    public static readonly ImmutableSortedDictionary<string, ImmutableArray<Trigger>> Default =
        new Dictionary<string, ImmutableArray<Trigger>>
        {
            ["pr"] = [Trigger.Pr],
            ["nightly"] = [Trigger.Schedule],
            ["release"] = [Trigger.Tag],
        }.ToImmutableSortedDictionary(StringComparer.Ordinal);
}

/// <summary>
/// ci.yaml's settings for the generated jobs themselves, kept in ci.yaml so that they survive
/// regeneration and <c>--check</c>: concurrency, time limits, retries, environments, extra needs.
/// </summary>
public sealed record JobSettings
{
    /// <summary>A newer push cancels the older run of the same request ref (pull requests, pull-request/N); never the branch or tags.</summary>
    public bool CancelSuperseded { get; init; } = true;

    /// <summary>Profile → minutes per job; a profile not named gets the sum of its steps' time limits.</summary>
    public ImmutableSortedDictionary<string, int> Timeouts { get; init; } = ImmutableSortedDictionary<string, int>.Empty;

    /// <summary>GitLab <c>retry:</c>: how often, and for which failures (the runner's or GitLab's, never the job's own).</summary>
    public int RetryMax { get; init; } = 2;

    public ImmutableArray<string> RetryWhen { get; init; } = ["runner_system_failure", "scheduler_failure", "api_failure"];

    /// <summary>Profile → deployment environment the configuration jobs run in (its protection rules and secrets apply).</summary>
    public ImmutableSortedDictionary<string, string> Environments { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Profile → hand-written GitLab jobs its plan/trigger job needs (in the including .gitlab-ci.yml).</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<string>> Needs { get; init; } = ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>What GitLab's <c>retry: when:</c> accepts that is not the job's own failure.</summary>
    public static readonly string[] SystemFailures =
        ["runner_system_failure", "stuck_or_timeout_failure", "scheduler_failure", "api_failure", "runner_unsupported", "unmet_prerequisites", "data_integrity_failure", "unknown_failure"];
}
