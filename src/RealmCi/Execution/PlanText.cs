using RealmCi.Containers;

namespace RealmCi.Execution;

/// <summary>
/// A planned command as a person reads or pastes it: the equivalent <c>docker run</c> line for a
/// container plan, <c>(cd DIR &amp;&amp; env K=V … command)</c> for the host. Only for text
/// (reproduce.sh, result.json); nothing runs from it.
/// </summary>
public static class PlanText
{
    public static string Line(StepPlan plan, PlannedStep step, IReadOnlyList<string> command) =>
        plan.Image is not null
            ? ShellQuote.Join(DockerRunArguments(plan.Container(step, command)))
            : "(cd " + ShellQuote.Quote(step.WorkingDir) + " && env " + ShellQuote.Join(step.Env.Select(kv => $"{kv.Key}={kv.Value}")) + " " + ShellQuote.Join(command) + ")";

    public static string Line(StepPlan plan, PlannedStep step) => Line(plan, step, step.Command);

    /// <summary>The <c>docker run</c> argument list of a container spec, as the engine receives it.</summary>
    public static IReadOnlyList<string> DockerRunArguments(ContainerSpec spec, bool interactive = false)
    {
        List<string> args = ["docker", "run", "--rm", "--init", "--network", "none", "--user", spec.User, "--workdir", spec.WorkingDir];
        if (interactive) args.Add("-it");
        foreach (var m in spec.Mounts) { args.Add("-v"); args.Add($"{m.Source}:{m.Target}:{(m.ReadOnly ? "ro" : "rw")}"); }
        foreach (var (k, v) in spec.Env) { args.Add("-e"); args.Add($"{k}={v}"); }
        foreach (var (k, v) in spec.Labels) { args.Add("--label"); args.Add($"{k}={v}"); }
        if (spec.ShmSize is not null) { args.Add("--shm-size"); args.Add(spec.ShmSize); }
        if (spec.RequestGpus) { args.Add("--gpus"); args.Add("all"); }
        args.Add(spec.Image);
        args.AddRange(spec.Command);
        return args;
    }
}
