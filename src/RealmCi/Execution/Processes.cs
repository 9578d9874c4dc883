using System.Diagnostics;
using RealmCi.Containers;

namespace RealmCi;

/// <summary>Runs a host process from an argument list (never a shell string), streaming its output.</summary>
public static class Processes
{
    /// <summary>Runs to completion and returns the exit code; on cancellation the whole process tree is killed.</summary>
    public static async Task<int> RunAsync(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? env,
        Action<OutputLine> output, CancellationToken cancellation, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) info.Environment[k] = v;
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output(new OutputLine(e.Data)); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output(new OutputLine(e.Data, true)); };
        try { process.Start(); }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new Errors.RealmCiException($"could not start '{fileName}': {e.Message}", Errors.ExitCodes.Unavailable, e);
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }
        process.WaitForExit(); // flush the asynchronous output readers
        return process.ExitCode;
    }
}
