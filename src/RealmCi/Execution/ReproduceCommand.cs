using RealmCi.Results;
using System.Globalization;

namespace RealmCi.Execution;

/// <summary>
/// The realm-ci command that reruns one configuration exactly as it ran, as an argument list:
/// the target, the Id, the matrix file, the source, the executor that was used, every
/// --define and --env, and the non-default --artifacts, --pull, --downloads, --sources and --step-timeout.
/// </summary>
public static class ReproduceCommand
{
    public static IReadOnlyList<string> Arguments(PipelineOptions options, string id, ExecutorKind executor, bool force = false)
    {
        List<string> args = ["./build.sh", $"--target={options.ReproduceTarget ?? (options.RunTests ? "Test" : "Build")}", $"--config={id}"];
        if (options.MatrixFile is { } matrix) args.Add($"--matrix={matrix}");
        args.Add($"--realm-source={options.ReproduceSource ?? options.Source}");
        args.AddRange(options.ReproduceExtra);
        if (executor is not ExecutorKind.Auto) args.Add($"--executor={executor.Name()}");
        foreach (var (key, value) in options.CommandLineDefines) args.Add($"--define={key}={value}");
        foreach (var (key, value) in options.CommandLineEnv) args.Add($"--env={key}={value}");
        if (options.ArtifactsArgument is { } artifacts) args.Add($"--artifacts={artifacts}");
        if (!options.Pull) args.Add("--pull=never");
        if (!options.DownloadsAllowed) args.Add("--downloads=deny");
        if (options.SourcesFolder is { } sources) args.Add($"--sources={sources}");
        if (options.StepTimeout is { } cap) args.Add($"--step-timeout={Math.Max(1, Math.Ceiling(cap.TotalMinutes)).ToString(CultureInfo.InvariantCulture)}");
        if (options.RerunFailures > 0) args.Add($"--rerun-failures={options.RerunFailures.ToString(CultureInfo.InvariantCulture)}");
        if (options.FlakyFails) args.Add("--flaky=fail");
        if (options.FromPack is { } pack) args.Add($"--from-pack={pack}");
        else if (options.Pack) args.Add("--pack");
        if (options.Coverage) args.Add("--coverage");
        if (options.Abi?.Reference is { } baseline) args.Add($"--abi-baseline={baseline}");
        if (force) args.Add("--force");
        return args;
    }

    public static string Line(PipelineOptions options, string id, ExecutorKind executor, bool force = false) =>
        ShellQuote.Join(Arguments(options, id, executor, force));
}
