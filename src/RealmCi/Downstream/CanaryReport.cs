using System.Text;
using RealmCi.CMake;
using RealmCi.Reporting;
using RealmCi.Results;

namespace RealmCi.Downstream;

/// <summary>
/// <c>ARTIFACTS/NAME/canary.md</c>: per configuration, what Realm's own tests said and what the
/// downstream's said (a build failure names the first compiler error: the downstream no longer
/// builds against this Realm; failing tests by name), how the copy was composed, and which of
/// Realm's sources the downstream really compiled (its compile_commands.json).
/// </summary>
public static class CanaryReport
{
    public static string Write(string folder, DownstreamProject d, CompositionPlan? plan, IReadOnlyList<ConfigurationResult> realm, IReadOnlyList<ConfigurationResult> downstream)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Canary: {d.Name} at {d.Ref} with the Realm under test").AppendLine();
        if (plan is not null)
        {
            md.AppendLine($"Composition: **{plan.Kind}**. Steps, in order:").AppendLine();
            foreach (var step in plan.Steps) md.AppendLine($"- {step}");
            if (!plan.RealmPaths.IsEmpty) md.AppendLine().AppendLine($"The Realm under test lands at {string.Join(", ", plan.RealmPaths.Select(p => $"`{p}`"))}; the rest of the build (source list, generated headers, defines, version string) is the downstream's own.");
            md.AppendLine();
        }
        md.AppendLine($"| Configuration | Realm's own tests | {d.Name} | Cause |").AppendLine("|---|---|---|---|");
        foreach (var r in downstream.OrderBy(r => r.Id, StringComparer.Ordinal))
            md.AppendLine($"| {r.Id} | {Cell(realm.FirstOrDefault(x => x.Id == r.Id))} | {Cell(r)} | {Cause(d, r)} |");
        foreach (var r in downstream.Where(r => plan is not null && !plan.RealmPaths.IsEmpty))
            md.Append(Compiled(r, plan!));
        var text = md.ToString();
        Directory.CreateDirectory(folder);
        AtomicFile.WriteText(Path.Combine(folder, "canary.md"), text);
        return text;
    }

    /// <summary>Why the downstream is red, in one line: the build's first compiler error, the failing tests, or the first failing step.</summary>
    public static string Cause(DownstreamProject d, ConfigurationResult r)
    {
        if (r.Status == ConfigurationStatus.Unavailable) return r.Reason ?? "unavailable";
        if (r.Steps.FirstOrDefault(s => s.Step == StepKind.Build && s.Status == StepStatus.Failed) is { } build)
            return $"{d.Name} no longer builds against this Realm: {FirstCompilerError.InFile(build.Log) ?? build.Reason}";
        var failed = r.Tests.Where(t => t.Status == TestStatus.Failed).Select(t => t.Name).ToList();
        if (failed.Count > 0) return $"{failed.Count} {d.Name} test(s) failed: {string.Join(", ", failed.Take(10))}{(failed.Count > 10 ? ", …" : "")}";
        return r.FirstFailure ?? "";
    }

    private static string Cell(ConfigurationResult? r) => r is null ? "not run"
        : $"{r.StatusText} ({r.Counts.Passed} passed, {r.Counts.Failed} failed, {r.Counts.Skipped} skipped)";

    private static string Compiled(ConfigurationResult r, CompositionPlan plan)
    {
        var commands = CompileCommands.Read(Path.Combine(r.Artifacts, "build", "compile_commands.json"));
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
