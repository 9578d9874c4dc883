using RealmCi.CMake;
using RealmCi.Results;

namespace RealmCi.Warnings;

/// <summary>What a new compiler warning does: listed (<c>--warnings=report</c>, the default) or failing the configuration (<c>--warnings=fail</c>).</summary>
public enum WarningPolicy { Report, Fail }

/// <summary>The warning check's settings: the policy, and a committed baseline file (else the previous full build of the same configuration).</summary>
public sealed record WarningOptions(WarningPolicy Policy = WarningPolicy.Report, string? Baseline = null)
{
    /// <summary>Whether a full build becomes the next run's baseline; false for a build of another commit (an ABI baseline) under the same Id.</summary>
    public bool Remember { get; init; } = true;

    /// <summary>
    /// Whose build this is when not Realm's own (a downstream, its copy of Realm's older tests): its previous
    /// full build is kept apart from Realm's under the same Id (<c>warnings/SCOPE/ID.txt</c>). Null: Realm's own.
    /// </summary>
    public string? Scope { get; init; }

    public static readonly WarningOptions Default = new();
}

/// <summary>
/// After a build step that passed: reads its log's compiler warnings (<see cref="CompilerWarning"/>),
/// writes them to <c>warnings.txt</c> in the configuration's folder, compares them with the
/// baseline (<see cref="WarningBaseline"/>) and lists the new ones (<c>new-warnings.txt</c> and
/// the log); with <see cref="WarningPolicy.Fail"/> a new one fails the build step. Only a full
/// build (a fresh build tree: ccache replays cached warnings, an incremental build shows only the
/// files it recompiled) that did not fail on new warnings becomes the next run's baseline.
/// </summary>
public static class WarningCheck
{
    public static StepResult After(StepResult build, string buildLog, WorkLayout paths, string folder, string configurationId, string cache,
        WarningOptions options, bool fullBuild, Action<string> log, IReadOnlyCollection<string>? targets = null)
    {
        if (build.Status != StepStatus.Passed || !File.Exists(buildLog)) return build;
        var current = CompilerWarning.Parse(File.ReadAllText(buildLog), paths.Source, paths.Work);
        var kind = fullBuild ? "full build" : "incremental build";
        var built = WarningBaseline.Built(targets ?? []);
        WarningBaseline.Write(Path.Combine(folder, "warnings.txt"), current, $"{configurationId}: {current.Count} compiler warning(s), {kind}; targets: {built}");
        var previous = WarningBaseline.PreviousRun(cache, configurationId, options.Scope);
        var against = options.Baseline ?? previous;
        var baseline = WarningBaseline.Read(against);
        if (options.Baseline is not null && baseline is null)
            return build with { Status = StepStatus.Failed, Reason = $"--warnings-baseline={options.Baseline}: no such file" };
        // A baseline that built other targets compiled other files: comparing would call their warnings new (or gone).
        if (baseline is not null && WarningBaseline.TargetsOf(against) is { } was && was != built)
        {
            if (fullBuild && options.Remember) WarningBaseline.Write(previous, current, $"{configurationId}: {current.Count} compiler warning(s), the last full build; targets: {built}");
            log($"{configurationId}: {current.Count} compiler warning(s), not compared with {against}: it built targets {was}, this build {built}"
                + (fullBuild && options.Remember ? " (this build is the next run's baseline)" : ""));
            return build;
        }
        var added = WarningBaseline.New(current, baseline);
        var fails = options.Policy == WarningPolicy.Fail && added.Count > 0;
        // A run that fails on new warnings does not make them the baseline: a rerun fails again.
        if (fullBuild && !fails && options.Remember) WarningBaseline.Write(previous, current, $"{configurationId}: {current.Count} compiler warning(s), the last full build; targets: {built}");
        if (baseline is null)
        {
            log($"{configurationId}: {current.Count} compiler warning(s); no baseline yet ({kind}{(fullBuild ? ": the next run compares with this one" : "")})");
            return build;
        }
        if (added.Count == 0)
        {
            log($"{configurationId}: {current.Count} compiler warning(s), none new against {against}");
            return build;
        }
        WarningBaseline.Write(Path.Combine(folder, "new-warnings.txt"), added, $"{configurationId}: {added.Count} new against {against}");
        var text = $"{added.Count} new compiler warning(s) against {against}: {string.Join("; ", added.Take(3))}{(added.Count > 3 ? "; … (new-warnings.txt)" : "")}";
        log($"{configurationId}: {text}");
        return fails ? build with { Status = StepStatus.Failed, Reason = text } : build;
    }
}
