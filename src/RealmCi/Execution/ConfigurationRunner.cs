using RealmCi.Layout;
using System.Diagnostics;
using RealmCi.Caching;
using RealmCi.CMake;
using RealmCi.Containers;
using RealmCi.Images;
using RealmCi.Matrix;
using RealmCi.Reporting;
using RealmCi.Results;

namespace RealmCi.Execution;

/// <summary>
/// One configuration end to end: clear its folder's old outputs → image → plan
/// (<see cref="StepPlanner"/>) → result cache → the plan's steps through an executor → its
/// files (<see cref="ConfigurationOutputs"/>). Planning is pure, running is the executors' and
/// <see cref="StepRunner"/>'s, writing is <see cref="ConfigurationOutputs"/>'. A configuration
/// whose inputs are unchanged since it last passed is reported as cached, with the entry's
/// files written into its folder. Whatever happens, <c>result.json</c> and <c>reproduce.sh</c>
/// are written; a failure is a result.
/// </summary>
public sealed class ConfigurationRunner(PipelineOptions options, IContainerEngine? engine, ImagePreparer? images, IRunObserver observer,
    ResultCache? cache = null, string? sourceFingerprint = null)
{
    public async Task<ConfigurationResult> RunAsync(BuildConfiguration c, int parallel, CancellationToken cancellation)
    {
        var folder = new ArtifactsFolder(options.Artifacts).Configuration(c.Id).Root;
        Directory.CreateDirectory(folder);
        ConfigurationOutputs.Clear(folder);
        Abi.AbiCheck.Begin(options.Abi, c.Id, folder);
        var ccache = new CacheLayout(options.Cache).Ccache;
        Directory.CreateDirectory(ccache);

        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var results = new List<StepResult>();
        IReadOnlyList<TestCaseResult> tests = [];
        IReadOnlyList<TestAttempts> reruns = [];
        AbiVerdict? abi = null;
        string? image = null, key = null, unavailable = null;
        StepPlan? plan = null;
        var executorKind = engine is null ? ExecutorKind.Host : ExecutorKind.Docker;
        var current = StepKind.Image;
        try
        {
            if (options.Unavailable.TryGetValue(c.Id, out var missing))
            {
                // Decided before the run from what this host offers: no minutes of apt first.
                unavailable = missing;
                results.Add(new StepResult(StepKind.Image, StepStatus.Skipped, null, 0, null, null, missing));
                return Finish(); // the observer's Finished line says why
            }
            PreparedImage? prepared = null;
            if (engine is not null && images is not null)
            {
                var outcome = await ImageStep.RunAsync(images, c, folder, options, observer, cancellation);
                results.Add(outcome.Step);
                if (outcome.Image is null) { unavailable = outcome.Unavailable; return Finish(); }
                prepared = outcome.Image;
                image = prepared.Tag;
                File.WriteAllText(new ConfigurationFolder(folder).Dockerfile, prepared.Dockerfile);
            }

            var layout = prepared is not null
                ? ExecutorLayout.Docker(prepared.Tag, options.Source, folder, ccache, options.User, Labels.For(options.RunId, c.Id))
                : ExecutorLayout.Host(options.Source, folder, ccache, options.Host.HasTool("ccache"));
            plan = StepPlanner.Plan(c, options, layout, parallel);
            PackRun.Begin(options, plan, folder);

            if (cache is not null && sourceFingerprint is not null)
            {
                var environment = image ?? await Toolchain.IdentifyAsync(c.Settings.Cmake, c.Settings.Env, cancellation);
                key = CacheKey.Compute(c, sourceFingerprint, options.SourceSubdir, environment, options.RunTests, options.GpuPresent);
                if (!options.Force && cache.Find(key) is { } hit && StillQuarantined(hit, c.Id)) return Cached(hit);
            }

            IExecutor executor = prepared is not null ? new DockerExecutor(engine!, plan) : new HostExecutor();
            var steps = new StepRunner(executor, plan, folder, observer);
            var at = new ConfigurationFolder(folder);
            var tree = at.BuildTree;
            var built = Path.GetFullPath(options.SourceSubdir is { } sub ? Path.Combine(options.Source, sub) : options.Source);
            if (options.FromPack is null && BuildTreeSource.Prepare(at, built) is { } afresh) observer.Log($"{c.Id}: {afresh}");
            var fullBuild = !File.Exists(Path.Combine(tree, "CMakeCache.txt")); // a fresh tree: every file is compiled (or replayed by ccache)
            if (options.FromPack is null) BuildTreeSource.Record(at, built); // a pack brings its own tree, built elsewhere
            foreach (var step in PackRun.Steps(plan, options))
            {
                current = step.Kind;
                if (step.Kind == StepKind.Test)
                {
                    var (testStep, testResults) = await TestStep.RunAsync(step, steps, folder, cancellation);
                    (testStep, testResults, reruns) = await TestReruns.ApplyAsync(step, steps, folder, testStep, testResults, options.RerunFailures, options.FlakyFails, cancellation);
                    tests = testResults;
                    results.Add(testStep);
                    if (testStep.Status == StepStatus.Cancelled) return Finish();
                    continue; // failing tests are a result; the install still runs
                }
                var result = await steps.RunAsync(step, append: false, cancellation);
                if (step.Kind == StepKind.Build)
                    result = Warnings.WarningCheck.After(result, steps.LogPath(StepKind.Build), layout.Paths, folder, c.Id, options.Cache, options.Warnings, fullBuild, observer.Log, c.Settings.Targets);
                if (step.Kind == StepKind.Abi) (result, abi) = Abi.AbiCheck.After(result, options.Abi!, folder, c.Id, observer.Log);
                results.Add(result);
                if (result.Status != StepStatus.Passed) return Finish();
            }
            if (options.Coverage && CodeCoverage.CoverageBuild.WriteMarkdown(folder, c.Id) is { } skipped) observer.Log($"{c.Id}: {skipped}");
            if (PackRun.Finish(options, c, plan, folder, sourceFingerprint, results) is { } pack) observer.Log($"{c.Id}: packed {pack}");
            return Finish();
        }
        catch (OperationCanceledException)
        {
            // Interrupted outside a step's own handling (e.g. identifying the toolchain): still a result.
            results.Add(new StepResult(current, StepStatus.Cancelled, null, 0, null, null, "interrupted"));
            return Finish();
        }
        catch (Exception e)
        {
            // The engine went away, a tool is missing…: this configuration failed; others go on.
            results.Add(new StepResult(current, StepStatus.Failed, null, 0, null, null, e.Message));
            observer.Log($"{c.Id}: {current.ToString().ToLowerInvariant()} failed: {e.Message}");
            return Finish();
        }

        string Reproduce(bool force = false) => ReproduceCommand.Line(options, c.Id, executorKind, force);

        ConfigurationResult Cached(CacheEntry hit)
        {
            var earlier = hit.Result;
            var result = new ConfigurationResult(c.Id, ConfigurationStatus.Cached, [], CachedTests(hit), earlier.Image ?? image, executorKind,
                started, clock.Elapsed.TotalSeconds, folder, Reproduce(force: true))
            {
                Recorded = new TestCounts(earlier.Tests.Passed, earlier.Tests.Failed, earlier.Tests.Skipped),
                CachedAt = earlier.Started.AddSeconds(earlier.Seconds),
                CachedFrom = earlier.Run,
                CacheKey = key,
                RunId = options.RunId,
            };
            result = result with { UnmatchedQuarantine = UnmatchedQuarantine(c.Id, result.Tests) };
            if (options.Abi is { Compares: true } check) result = result with { Abi = Abi.AbiCheck.Read(check, hit.Folder, folder) }; // a cached pass: the entry's report
            ConfigurationOutputs.WriteCached(folder, hit, result, plan, options.RunTests);
            return result;
        }

        ConfigurationResult Finish()
        {
            var status = results.Any(s => s.Status == StepStatus.Cancelled) ? ConfigurationStatus.Cancelled
                : unavailable is not null ? ConfigurationStatus.Unavailable
                : results.All(s => s.Status == StepStatus.Passed) && tests.All(t => t.Status != TestStatus.Failed) ? ConfigurationStatus.Passed
                : ConfigurationStatus.Failed;
            var result = new ConfigurationResult(c.Id, status, results, tests, image, executorKind, started, clock.Elapsed.TotalSeconds, folder, Reproduce())
            {
                CacheKey = reruns.Count > 0 ? null : key, // a pass that needed reruns (flaky) is never reused: the next run tests again
                RunId = options.RunId,
                Reason = unavailable,
                Reruns = reruns,
                Abi = abi,
                UnmatchedQuarantine = UnmatchedQuarantine(c.Id, tests),
            };
            result = FailureDiagnosis.Attach(result, options.Signatures); // a known failure's meaning, from the failing step's log
            result = Flakiness.HistoryRecorder.Apply(result, options.History, new Flakiness.HistoryStore(options.Cache), DateTimeOffset.UtcNow); // notes only
            ConfigurationOutputs.Write(folder, result, plan, options.RunTests, cache);
            return result;
        }
    }

    /// <summary>Entries that guard none of the tests a run accounted for (none when no test was accounted for: a build that failed says nothing about names).</summary>
    private IReadOnlyList<string> UnmatchedQuarantine(string id, IReadOnlyList<TestCaseResult> tests) =>
        tests.Count == 0 || !options.ReportUnmatchedQuarantine ? [] : [.. options.Quarantine.Unmatched(id, tests.SelectMany(t => t.SharedName is { } shared ? [t.Name, shared] : new[] { t.Name })).Select(e => e.Describe())];

    /// <summary>A result that passed because of quarantine entries is reused only while those entries still cover its failures.</summary>
    private bool StillQuarantined(CacheEntry hit, string id) =>
        (ResultJson.Tests(hit.Result.Tests) ?? []).Where(t => t.Status == TestStatus.Quarantined).All(t => options.Quarantine.Find(id, t.Name) is not null);

    /// <summary>The earlier run's tests: its JUnit (now in this folder) plus the skips realm-ci recorded (GPU tests never reach ctest).</summary>
    private static IReadOnlyList<TestCaseResult> CachedTests(CacheEntry hit)
    {
        if (ResultJson.Tests(hit.Result.Tests) is { } recorded) return recorded; // every test, as accounted for then (quarantined ones too)
        var junit = new ConfigurationFolder(hit.Folder).JUnit;
        var tests = File.Exists(junit) ? JUnitReport.Parse(File.ReadAllText(junit)).ToList() : [];
        foreach (var skip in hit.Result.Tests.Skips)
            if (!tests.Any(t => t.Name == skip.Name)) tests.Add(new TestCaseResult(skip.Name, TestStatus.Skipped, 0, skip.Reason));
        return tests;
    }
}
