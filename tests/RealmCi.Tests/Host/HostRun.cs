using System.Reflection;
using RealmCi.Build;
using RealmCi.Build.Host;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Host;

/// <summary>Runs the real Cake host in process, capturing its output.</summary>
internal sealed record HostRun(int ExitCode, string Out, string Err)
{
    public static string Home { get; } = Path.Combine(Path.GetTempPath(), "realm-ci-unit-tests-home"); // before Machine: statics start in order

    /// <summary>A made-up host: no GPU, an engine nobody listens on, a home folder of its own (under the temp folder), and no other variable (nothing of the real environment leaks in).</summary>
    public static RealmCi.Execution.HostFacts Machine { get; } = RealmCi.Execution.HostFacts.Neutral with
    {
        Environment = System.Collections.Immutable.ImmutableSortedDictionary.ToImmutableSortedDictionary(
            new Dictionary<string, string> { ["HOME"] = Home }, StringComparer.Ordinal),
        EngineEndpoint = "unix:///nonexistent/realm-ci-unit-tests.sock",
    };

    public static HostRun Of(params string[] args) => With(typeof(BuildContext).Assembly, "Matrix", args);

    public static HostRun With(Assembly tasks, string defaultTarget, params string[] args) => In(Yaml.RepoRoot, tasks, defaultTarget, args);

    /// <summary>Runs with <paramref name="root"/> as the folder holding cake.config.</summary>
    public static HostRun In(string root, Assembly tasks, string defaultTarget, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var raw = new MemoryStream();
        var host = new CakeHost(TaskCatalog.Discover<BuildContext>(tasks), defaultTarget, BuildOptions.All);
        var code = host.RunAsync(args, root, Machine, stdout, stderr, raw).GetAwaiter().GetResult();
        var rawText = System.Text.Encoding.UTF8.GetString(raw.ToArray());
        return new HostRun(code, rawText + stdout, stderr.ToString());
    }
}
