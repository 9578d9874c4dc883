using System.Collections.Immutable;
using RealmCi.CMake;
using RealmCi.Containers;

namespace RealmCi.Execution;

/// <summary>
/// Runs each step in a fresh container of the configuration's image: network none, the
/// source read-only at /src, the configuration's artifacts folder at /work, the ccache folder
/// at /ccache, as the invoking user, labelled with the run and configuration. The engine
/// removes every container when its step ends, fails, times out or is cancelled.
/// </summary>
public sealed class DockerExecutor(IContainerEngine engine, string image, string sourceOnHost, string workOnHost, string ccacheOnHost,
    string user, ImmutableSortedDictionary<string, string> labels, string? shmSize, bool requestGpus) : IExecutor
{
    public string Kind => "docker";

    public WorkLayout Layout { get; } = new("/src", "/work");

    public ImmutableArray<Mount> Mounts { get; } =
    [
        new(sourceOnHost, "/src", ReadOnly: true),
        new(workOnHost, "/work"),
        new(ccacheOnHost, "/ccache"),
    ];

    public Task<long> RunAsync(StepKind step, IReadOnlyList<string> command, ImmutableSortedDictionary<string, string> env, Action<OutputLine> output, CancellationToken cancellation) =>
        engine.RunAsync(Spec(step, command, env), output, cancellation);

    public ContainerSpec Spec(StepKind step, IReadOnlyList<string> command, ImmutableSortedDictionary<string, string> env) => new(
        image, [.. command], env.SetItem("HOME", "/tmp").SetItem("CCACHE_DIR", "/ccache"), user, "/work", Mounts,
        labels.SetItem(Labels.Step, step.ToString().ToLowerInvariant()), shmSize, requestGpus);

    /// <summary>The equivalent <c>docker run</c> line.</summary>
    public string Describe(StepKind step, IReadOnlyList<string> command, ImmutableSortedDictionary<string, string> env) =>
        ShellQuote.Join(DockerRunArguments(Spec(step, command, env)));

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
