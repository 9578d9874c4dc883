using RealmCi.Results;
using RealmCi.Reporting;
using System.Collections.Immutable;
using RealmCi.Errors;
using RealmCi.Execution;
using RealmCi.Matrix;

namespace RealmCi.Build;

/// <summary>
/// Resolves every setting in one pure step, top to bottom: built-in default → cake.config
/// (<c>[RealmCi]</c>, or <c>CAKE_REALMCI_*</c>) → command line; validates each value, and throws
/// one <see cref="RealmCiException"/> (exit 2) listing every problem, before any target runs.
/// </summary>
public static class SettingsResolver
{
    /// <summary>The keys cake.config's <c>[RealmCi]</c> section may hold.</summary>
    public static readonly IReadOnlyList<string> ConfigKeys =
        ["Matrix", "Profile", "Artifacts", "RealmSource", "RealmRef", "RealmRepository", "Executor", "Pull", "Cache", "Downloads", "Sources", "RerunFailures", "Flaky", "History"];

    public static Settings Resolve(SettingsInputs inputs)
    {
        var s = new SettingsReader(inputs);
        foreach (var key in inputs.Config.Keys.Where(k => !ConfigKeys.Contains(k, StringComparer.OrdinalIgnoreCase)))
            s.Problem($"{s.ConfigSource(key)}: unknown key '{key}' in the [RealmCi] section ({Suggest.Hint(key, ConfigKeys)})");

        var settings = new Settings
        {
            Root = inputs.Root,
            Target = s.Target(),
            Verbosity = s.Choice("verbosity", null, VerbosityLevel.Normal, new Dictionary<string, VerbosityLevel>
            {
                ["quiet"] = VerbosityLevel.Quiet, ["q"] = VerbosityLevel.Quiet, ["minimal"] = VerbosityLevel.Minimal, ["m"] = VerbosityLevel.Minimal,
                ["normal"] = VerbosityLevel.Normal, ["n"] = VerbosityLevel.Normal, ["verbose"] = VerbosityLevel.Verbose, ["v"] = VerbosityLevel.Verbose,
                ["diagnostic"] = VerbosityLevel.Diagnostic, ["d"] = VerbosityLevel.Diagnostic,
            }, "quiet, minimal, normal, verbose or diagnostic"),
            MatrixFile = s.Path("matrix", "Matrix") ?? s.Absolute("matrix/realm.yaml", inputs.Root),
            Format = s.Choice("format", null, ListingFormat.Table, new() { ["table"] = ListingFormat.Table, ["json"] = ListingFormat.Json }, "table or json"),
            Explain = s.Last("explain"),
            Selection = new SelectionOptions
            {
                Profile = s.Text("profile", "Profile"),
                Configs = s.All("config"),
                Select = s.All("select"),
                Skip = s.All("skip"),
                Shard = s.ShardOption(),
                CommandLine = Facets.Empty with { Cmake = s.KeyValues("define"), Env = s.KeyValues("env") },
            },
            Artifacts = s.Path("artifacts", "Artifacts") ?? s.Absolute("artifacts", inputs.Root),
            ArtifactsGiven = inputs.Arguments.Contains("artifacts"),
            Cache = s.Path(null, "Cache") ?? s.DefaultCache(),
            Executor = s.Choice("executor", "Executor", ExecutorKind.Auto,
                new(ExecutorKinds.ByName), "auto, docker or host"),
            Pull = s.Choice("pull", "Pull", true, new() { ["missing"] = true, ["never"] = false }, "missing or never"),
            Jobs = s.Number("jobs", 1),
            Parallel = s.Number("parallel", 1),
            FailFast = s.Flag("fail-fast"),
            Force = s.Flag("force"),
            StepTimeout = s.Number("step-timeout", 1) is { } minutes ? TimeSpan.FromMinutes(minutes) : null,
            RealmSource = s.Path("realm-source", null) ?? s.EnvironmentPath("REALM_SOURCE") ?? s.Path(null, "RealmSource"),
            RealmRef = s.Text("realm-ref", "RealmRef"),
            RealmRepository = s.Text("realm-repository", "RealmRepository"),
            OlderThan = s.Number("older-than", 0) is { } days ? TimeSpan.FromDays(days) : null,
            Remove = s.Flag("remove"),
            Tag = s.Text("tag", null),
            Consumer = s.Path("consumer", null),
            DryRun = s.Flag("dry-run"),
            Replace = s.Flag("replace"),
            AllowMissing = s.All("allow-missing"),
            Profiles = s.All("profile"),
            Ci = s.Choice<RealmCi.Ci.CiPlatform?>("ci", null, null, new() { ["github"] = RealmCi.Ci.CiPlatform.Github, ["gitlab"] = RealmCi.Ci.CiPlatform.Gitlab }, "github or gitlab"),
            Static = s.Flag("static"),
            Plan = s.Flag("plan"),
            Untrusted = s.Flag("untrusted"),
            Check = s.Flag("check"),
            Output = s.Path("output", null),
            OnlyAvailable = s.Flag("only-available"),
            Downloads = s.Choice("downloads", "Downloads", true, new() { ["allow"] = true, ["deny"] = false }, "allow or deny"),
            SourcesFolder = s.Path("sources", "Sources"),
            Pack = s.Flag("pack"),
            FromPack = s.Path("from-pack", null),
            Good = s.Text("good", null),
            Bad = s.Text("bad", null),
            BisectTest = s.Text("test", null),
            Downstream = s.Last("downstream") is { } downstream ? (downstream is "true" or "" ? "" : downstream) : null,
            RerunFailures = s.Number("rerun-failures", 0, "RerunFailures") ?? 0,
            FlakyFails = s.Choice("flaky", "Flaky", false, new() { ["pass"] = false, ["fail"] = true }, "pass or fail"),
            History = s.Choice<RealmCi.Flakiness.HistoryMode?>("history", "History", null, new()
            {
                ["auto"] = null, ["write"] = RealmCi.Flakiness.HistoryMode.Write, ["read"] = RealmCi.Flakiness.HistoryMode.Read, ["off"] = RealmCi.Flakiness.HistoryMode.Off,
            }, "auto, write, read or off") ?? RealmCi.Flakiness.HistoryTrust.Auto(v => inputs.Environment.GetValueOrDefault(v)),
            Coverage = s.Flag("coverage"),
            DownstreamSources = s.KeyValues("downstream-source").ToImmutableSortedDictionary(kv => kv.Key, kv => s.Absolute(kv.Value, inputs.WorkingDirectory), StringComparer.Ordinal),
            Warnings = new(s.Choice("warnings", null, RealmCi.Warnings.WarningPolicy.Report,
                new() { ["report"] = RealmCi.Warnings.WarningPolicy.Report, ["fail"] = RealmCi.Warnings.WarningPolicy.Fail }, "report or fail"),
                s.Path("warnings-baseline", null)),
            AbiBaseline = s.Text("abi-baseline", null),
        };
        if (settings.Profiles.Length > 1 && settings.Target != "Ci")
            s.Problem($"--profile is given {settings.Profiles.Length} times; only the Ci target takes several");
        if (inputs.Targets.Count == 0 || inputs.Targets.Contains(settings.Target)) // an unknown target is the problem to fix first
            foreach (var problem in TargetOptions.Problems(settings.Target, inputs)) s.Problem(problem);
        if (s.Problems.Count == 0) // a target's own checks read valid settings only
            foreach (var target in TargetOptions.Closure(settings.Target, inputs.Dependencies))
                if (inputs.Checks.GetValueOrDefault(target) is { } check) foreach (var problem in check(settings)) s.Problem(problem);
        if (s.Problems.Count > 0) throw new RealmCiException(string.Join(System.Environment.NewLine, s.Problems));
        return settings;
    }
}
