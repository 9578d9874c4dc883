using System.Diagnostics;
using System.Text;

namespace RealmCi.IntegrationTests;

/// <summary>
/// One run of a bootstrap (<c>./build.sh</c> or <c>build.ps1</c>) as a user or CI starts it:
/// a real process, standard output and standard error kept apart and byte for byte.
/// </summary>
internal sealed class FrontDoorProcess : IDisposable
{
    private readonly Process process;
    private readonly Task<string> stdout;
    private readonly Task<string> stderr;

    private FrontDoorProcess(string file, IEnumerable<string> args, string? root = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = root ?? EngineFixture.Root,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment.Remove("CI"); // the same output a user gets
        // One result cache and ccache per test run, never the user's: a result cached by an earlier
        // run of the same commit would turn a "passed" the test expects into "cached".
        if (!info.Environment.ContainsKey("CAKE_REALMCI_CACHE")) info.Environment["CAKE_REALMCI_CACHE"] = RunCache;
        process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        stdout = process.StandardOutput.ReadToEndAsync();
        stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>PowerShell 7, installed by .ci/run as a dotnet tool at this path. Missing is a failure, not a skip.</summary>
    public static string Pwsh
    {
        get
        {
            var path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "realm-ci", "tools", "pwsh");
            Assert.True(File.Exists(path), $"PowerShell 7 not found at {path}: .ci/run installs it (dotnet tool install --tool-path {Path.GetDirectoryName(path)} PowerShell --version 7.6.9)");
            return path;
        }
    }

    /// <summary>The cache folder every front-door process of this test run shares (fresh per run).</summary>
    public static readonly string RunCache = TemporaryFolders.ForThisRun("realm-ci-it-cache");

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public static FrontDoorProcess BuildSh(params string[] args) => In(EngineFixture.Root).BuildSh(args);

    public static FrontDoorProcess BuildPs1(params string[] args) => In(EngineFixture.Root).BuildPs1(args);

    /// <summary>The bootstraps of the checkout at <paramref name="root"/> (a copy, for tests that make them rebuild).</summary>
    public static Checkout In(string root) => new(root);

    public sealed record Checkout(string Root)
    {
        public FrontDoorProcess BuildSh(params string[] args) => new(Path.Combine(Root, "build.sh"), args, Root);

        public FrontDoorProcess BuildPs1(params string[] args) => new(Pwsh, ["-NoProfile", "-NonInteractive", "-File", Path.Combine(Root, "build.ps1"), .. args], Root);
    }

    /// <summary>Waits for the exit (failing the test after <paramref name="timeout"/>) and returns what it wrote.</summary>
    public (int Code, string Out, string Err) Wait(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{process.StartInfo.FileName} {string.Join(' ', process.StartInfo.ArgumentList)} did not exit within {timeout}");
        }
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>SIGKILL, as the OOM killer or a cancelled CI runner would.</summary>
    public void KillHard() => process.Kill(entireProcessTree: false);

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
