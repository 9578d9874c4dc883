using System.Diagnostics;
using System.Text;

namespace RealmCi.IntegrationTests;

/// <summary>
/// A command run on the host, independent of the library's own process code: the tests of
/// isolation and cancellation check the engine and the front door from outside.
/// </summary>
internal static class HostCommand
{
    public static ProcessStartInfo Info(string file, IEnumerable<string> args, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? EngineFixture.Root,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        return info;
    }

    /// <summary>Runs to the end; standard output and error together, in order of arrival.</summary>
    public static async Task<(int Code, string Output)> RunAsync(string file, params string[] args)
    {
        using var process = Start(Info(file, args), out var output);
        await process.WaitForExitAsync();
        return (process.ExitCode, output.ToString());
    }

    /// <summary>Starts a process whose output lines are appended to <paramref name="output"/> as they come.</summary>
    public static Process Start(ProcessStartInfo info, out StringBuilder output, Action<string>? line = null)
    {
        var text = output = new StringBuilder();
        var process = new Process { StartInfo = info };
        void Add(object _, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (text) text.AppendLine(e.Data);
            line?.Invoke(e.Data);
        }
        process.OutputDataReceived += Add;
        process.ErrorDataReceived += Add;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
