using System.ComponentModel;
using System.Text;
using CliWrap;
using RealmCi.Containers;
using RealmCi.Errors;

namespace RealmCi;

/// <summary>What a captured process wrote, and how it ended.</summary>
public sealed record ProcessOutput(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The last non-empty line of standard error, for messages.</summary>
    public string LastError => Stderr.Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? $"exit code {ExitCode}";
}

/// <summary>
/// Runs host processes through CliWrap: from an argument list (never a shell string), streaming
/// or capturing their output. Cancellation kills the process; the exit code is returned for the
/// caller to judge (<see cref="CaptureAsync"/> callers check it; none ignore it).
/// A program that is not installed is an <see cref="ExitCodes.Unavailable"/> error.
/// </summary>
public static class Processes
{
    /// <summary>Runs to completion and returns the exit code; on cancellation the process is killed and the cancellation rethrown.</summary>
    public static async Task<int> RunAsync(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? env,
        Action<OutputLine> output, CancellationToken cancellation, string? workingDirectory = null)
    {
        var command = Cli.Wrap(fileName)
            .WithArguments(arguments)
            .WithEnvironmentVariables(env?.ToDictionary(kv => kv.Key, kv => (string?)kv.Value) ?? new Dictionary<string, string?>())
            .WithWorkingDirectory(workingDirectory ?? Environment.CurrentDirectory)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => output(new OutputLine(line))))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => output(new OutputLine(line, true))));
        try
        {
            var result = await command.ExecuteAsync(cancellation);
            return result.ExitCode;
        }
        catch (Exception e) when (NotStarted(e) is { } why)
        {
            throw new RealmCiException($"could not start '{fileName}': {why}", ExitCodes.Unavailable, e);
        }
    }

    /// <summary>Runs to completion and returns both streams.</summary>
    public static async Task<ProcessOutput> CaptureAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellation,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? env = null)
    {
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var code = await RunAsync(fileName, arguments, env, line =>
        {
            var target = line.IsError ? stderr : stdout;
            lock (target) target.Append(line.Text).Append('\n');
        }, cancellation, workingDirectory);
        return new ProcessOutput(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs with standard output going to <paramref name="stdout"/> (binary), standard error collected for the message.</summary>
    public static async Task<ProcessOutput> PipeToAsync(string fileName, IEnumerable<string> arguments, Stream stdout, CancellationToken cancellation)
    {
        var stderr = new StringBuilder();
        var command = Cli.Wrap(fileName).WithArguments(arguments).WithValidation(CommandResultValidation.None)
            | (PipeTarget.ToStream(stdout), PipeTarget.ToStringBuilder(stderr));
        try
        {
            var result = await command.ExecuteAsync(cancellation);
            return new ProcessOutput(result.ExitCode, "", stderr.ToString());
        }
        catch (Exception e) when (NotStarted(e) is { } why)
        {
            throw new RealmCiException($"could not start '{fileName}': {why}", ExitCodes.Unavailable, e);
        }
    }

    private static string? NotStarted(Exception e) => e switch
    {
        Win32Exception w => w.Message,
        InvalidOperationException { InnerException: Win32Exception w } => w.Message,
        _ => null,
    };
}
