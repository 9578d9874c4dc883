using RealmCi.Results;
using System.Collections.Immutable;
using RealmCi.CMake;
using RealmCi.Containers;

namespace RealmCi.Execution;

// Design note — one plan, many consumers.
//
// A configuration's steps are ONE immutable value, built by the pure StepPlanner from the
// BuildConfiguration, the PipelineOptions and the executor's layout (where the source, the work
// folder and ccache are as the commands see them, the image, the user, the run's labels). Every
// consumer reads the same value:
//   - DockerExecutor turns a planned step into a ContainerSpec (Container below) and runs it;
//   - HostExecutor runs the same argument list in the step's working folder with its env;
//   - reproduce.sh prints the plan (PlanText: `docker run …` lines or `cd … && env … cmd`);
//   - a CI job generator can emit the same commands, mounts, env and timeouts.
// So what runs, what is printed and what CI does cannot drift. Commands are argument lists,
// never shell strings; the only quoting is PlanText's, for people. The image is a field, not a
// step: preparing it is the engine's business (the Images target), not a command in a container.
// The test step's data-dependent parts (which GPU tests to report as skipped, the launcher
// wrapping of multi-rank tests) are data too: TestSetup holds the listing commands and the
// launcher; the runner only executes them and writes the wrapped CTestTestfile.

/// <summary>
/// Every step of one configuration, in order, with everything needed to run or print it.
/// <see cref="Steps"/> holds all steps; <see cref="For"/> leaves out the test step of a run
/// without tests (<see cref="PlannedStep.OnlyWithTests"/>).
/// </summary>
public sealed record StepPlan(
    string ConfigurationId,
    ExecutorKind Executor,
    string? Image,
    WorkLayout Layout,
    ImmutableArray<Mount> Mounts,
    string? User,
    string Network,
    string? ShmSize,
    bool RequestGpus,
    ImmutableArray<PlannedStep> Steps)
{
    /// <summary>The steps a run performs, in order.</summary>
    public IEnumerable<PlannedStep> For(bool runTests) => Steps.Where(s => runTests || !s.OnlyWithTests);

    public PlannedStep Step(StepKind kind) => Steps.First(s => s.Kind == kind);

    /// <summary>The container that runs <paramref name="command"/> (a step's command or one of its listings) for <paramref name="step"/>.</summary>
    public ContainerSpec Container(PlannedStep step, IReadOnlyList<string> command) =>
        new(Image ?? throw new InvalidOperationException($"{ConfigurationId}: a {Executor.Name()} plan has no image"),
            [.. command], step.Env, User ?? "0:0", step.WorkingDir, Mounts, step.Labels, ShmSize, RequestGpus);
}

/// <summary>One step: its command (an argument list), where and with what it runs, and its time limit.</summary>
public sealed record PlannedStep(
    StepKind Kind,
    ImmutableArray<string> Command,
    string WorkingDir,
    ImmutableSortedDictionary<string, string> Env,
    TimeSpan Timeout,
    ImmutableSortedDictionary<string, string> Labels,
    bool OnlyWithTests,
    TestSetup? Tests = null)
{
    public string Name => Kind.ToString().ToLowerInvariant();
}

/// <summary>
/// What the test step does before ctest. <see cref="ListGpuTests"/> (when non-empty) lists the
/// tests left out for want of a GPU, to report them as skipped; <see cref="ListForLauncher"/>
/// (when non-empty) lists the tests whose commands are rewritten behind <see cref="Launcher"/>
/// into <see cref="WrappedDir"/>, where the step's ctest command then runs.
/// <see cref="ListAll"/> lists every test the build defines, to account for each one
/// (<see cref="TestAccounting"/>) against <see cref="Selection"/> and <see cref="Quarantine"/>;
/// <see cref="GtestOutput"/> is the folder GoogleTest writes per-case XML into
/// (<c>GTEST_OUTPUT</c> in the step's env), emptied before each run.
/// </summary>
public sealed record TestSetup(
    ImmutableArray<string> ListGpuTests,
    ImmutableArray<string> GpuLabels,
    ImmutableArray<string> ListForLauncher,
    ImmutableArray<string> Launcher,
    ImmutableArray<string> LaunchLabels,
    ImmutableArray<string> ExcludedLabels,
    string? WrappedDir)
{
    public ImmutableArray<string> ListAll { get; init; } = [];

    public TestSelection Selection { get; init; } = TestSelection.Everything;

    public Matrix.Quarantine Quarantine { get; init; } = Matrix.Quarantine.Empty;

    public string? GtestOutput { get; init; }

    /// <summary>The emulator a cross-compiled build's tests run under (null: the host's architecture).</summary>
    public Emulation? Emulation { get; init; }
}
