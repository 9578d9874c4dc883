using System.Collections.Immutable;
using System.Text;
using RealmCi.CMake;
using RealmCi.Reporting;
using RealmCi.Results;
using RealmCi.Layout;

namespace RealmCi.Downstream;

/// <summary>
/// <c>ARTIFACTS/NAME/canary.md</c>: per configuration, what Realm's own tests said, what the downstream's
/// said, and what its copies of Realm's older tests said (when run apart); every failure diagnosed
/// (<see cref="FailureDiagnosis"/>: a Realm change or an artefact of the composition, with its evidence);
/// how the copy was composed, what the composition takes from the downstream (generated headers' macros),
/// and which of Realm's sources the downstream really compiled (its compile_commands.json).
/// </summary>
public static class CanaryReport
{
    public static string Write(string folder, DownstreamProject d, CompositionPlan? plan, IReadOnlyList<ConfigurationResult> realm, IReadOnlyList<ConfigurationResult> downstream,
        IReadOnlyList<ConfigurationResult>? realmsOwn = null, string? realmRoot = null)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Canary: {d.Name} at {d.Ref} with the Realm under test").AppendLine();
        var macros = plan is null || realmRoot is null ? [] : CompositionGaps.Find(d.Compose.Generated, realmRoot, plan.Destination);
        if (plan is not null)
        {
            md.AppendLine($"Composition: **{plan.Kind}**. Steps, in order:").AppendLine();
            foreach (var step in plan.Steps) md.AppendLine($"- {step}");
            if (!plan.RealmPaths.IsEmpty) md.AppendLine().AppendLine($"The Realm under test lands at {string.Join(", ", plan.RealmPaths.Select(p => $"`{p}`"))}; the rest of the build (source list, generated headers, defines, version string) is the downstream's own.");
            if (!d.Compose.Generated.IsEmpty)
                md.AppendLine().AppendLine(macros.IsEmpty ? "Generated headers: the downstream's templates define the same macros as the Realm under test's."
                    : $"Generated headers: the composed build uses the downstream's templates; they differ from the Realm under test's in {macros.Length} macro(s):\n\n{string.Join("\n", macros.Select(m => $"- {m}"))}");
            md.AppendLine();
        }
        var apart = d.Tests.RealmsOwn is not null;
        md.AppendLine($"| Configuration | Realm's own tests | {d.Name} |{(apart ? $" Realm's older tests in {d.Name} |" : "")} Cause |")
            .AppendLine(apart ? "|---|---|---|---|---|" : "|---|---|---|---|");
        foreach (var r in downstream.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var gaps = plan is null ? CompositionGaps.None : Gaps(r, plan, macros);
            var own = realmsOwn?.FirstOrDefault(x => x.Id == r.Id);
            string[] causes = [Cause(d, r, plan, gaps) ?? "", own is null ? "" : Cause(d, own, plan, gaps, $"{d.Name}'s copy of Realm's older tests") is { } c ? $"Realm's older tests in {d.Name}: {c}" : ""];
            md.AppendLine($"| {r.Id} | {Cell(realm.FirstOrDefault(x => x.Id == r.Id))} | {Cell(r)} |{(apart ? $" {Cell(own)} |" : "")} {string.Join("; ", causes.Where(x => x.Length > 0))} |");
        }
        foreach (var r in downstream.Where(r => plan is not null && !plan.RealmPaths.IsEmpty))
            md.Append(Compiled(r, plan!));
        var text = md.ToString();
        Directory.CreateDirectory(folder);
        AtomicFile.WriteText(new DownstreamFolder(folder).Report, text);
        return text;
    }

    /// <summary>Why the downstream is red, in one line, diagnosed (null when it is not red).</summary>
    public static string? Cause(DownstreamProject d, ConfigurationResult r, CompositionPlan? plan, CompositionGaps gaps, string? built = null)
    {
        if (r.Status is ConfigurationStatus.Passed or ConfigurationStatus.Cached) return null;
        if (r.Status == ConfigurationStatus.Unavailable) return r.Reason ?? "unavailable";
        var build = r.Steps.FirstOrDefault(s => s.Step == StepKind.Build && s.Status == StepStatus.Failed);
        var error = build is null ? null : FirstCompilerError.InFile(build.Log) ?? build.Reason;
        var failed = r.Tests.Where(t => t.Status == TestStatus.Failed).Select(t => t.Name).ToList();
        var copy = plan?.Destination;
        var diagnosis = FailureDiagnosis.Diagnose(d.Name, error, build is null ? failed : [], gaps, r.Executor == ExecutorKind.Docker ? "/src" : copy ?? "/src",
            path => copy is not null && File.Exists(Path.Combine(copy, path)) ? File.ReadAllText(Path.Combine(copy, path)) : null,
            name => r.Tests.FirstOrDefault(t => t.Name == name)?.Output, built);
        return diagnosis?.ToString() ?? r.FirstFailure ?? "";
    }

    /// <summary>The overlay's sources this configuration's downstream build compiled and never compiled (relative to the copy), with the macro gaps.</summary>
    private static CompositionGaps Gaps(ConfigurationResult r, CompositionPlan plan, ImmutableArray<MacroGap> macros)
    {
        var commands = CompileCommands.Read(Path.Combine(new ConfigurationFolder(r.Artifacts).BuildTree, "compile_commands.json"));
        if (commands is null) return new(macros, [], []);
        var root = r.Executor == ExecutorKind.Docker ? "/src" : plan.Destination;
        var folders = plan.RealmPaths.Where(p => p.EndsWith('/')).ToList();
        return new(macros,
            [.. folders.SelectMany(p => commands.Under(root, p)).Select(f => f[(root.TrimEnd('/').Length + 1)..])],
            [.. folders.SelectMany(p => CompileCommands.NotCompiled(Path.Combine(plan.Destination, p), commands.Under(root, p), $"{root}/{p}").Select(f => p + f))]);
    }

    private static string Cell(ConfigurationResult? r) => r is null ? "not run"
        : $"{r.StatusText} ({r.Counts.Passed} passed, {r.Counts.Failed} failed, {r.Counts.Skipped} skipped)";

    private static string Compiled(ConfigurationResult r, CompositionPlan plan)
    {
        var commands = CompileCommands.Read(Path.Combine(new ConfigurationFolder(r.Artifacts).BuildTree, "compile_commands.json"));
        if (commands is null) return "";
        var root = r.Executor == ExecutorKind.Docker ? "/src" : plan.Destination;
        var md = new StringBuilder().AppendLine().AppendLine($"## {r.Id}: Realm's sources the downstream compiled").AppendLine();
        foreach (var path in plan.RealmPaths)
        {
            var under = commands.Under(root, path);
            md.AppendLine($"- `{path}`: {under.Count} translation unit(s) from the Realm under test");
            if (path.EndsWith('/') && CompileCommands.NotCompiled(Path.Combine(plan.Destination, path), under, $"{root}/{path}") is { Count: > 0 } missing)
                md.AppendLine($"  - not compiled as translation units ({missing.Count}; may be #included or feature-gated): {string.Join(", ", missing.Take(60).Select(m => $"`{m}`"))}{(missing.Count > 60 ? ", …" : "")}");
        }
        return md.ToString();
    }
}
