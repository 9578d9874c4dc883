using System.Reflection;
using RealmCi.Build;
using RealmCi.Build.Host;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Host;

/// <summary>Runs the real Cake host in process, capturing its output.</summary>
internal sealed record HostRun(int ExitCode, string Out, string Err)
{
    public static HostRun Of(params string[] args) => With(typeof(BuildContext).Assembly, "Matrix", args);

    public static HostRun With(Assembly tasks, string defaultTarget, params string[] args) => In(Yaml.RepoRoot, tasks, defaultTarget, args);

    /// <summary>Runs with <paramref name="root"/> as the folder holding cake.config.</summary>
    public static HostRun In(string root, Assembly tasks, string defaultTarget, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var raw = new MemoryStream();
        var host = new CakeHost(TaskCatalog.Discover<BuildContext>(tasks), defaultTarget, BuildOptions.All);
        var code = host.RunAsync(args, root, stdout, stderr, raw).GetAwaiter().GetResult();
        var rawText = System.Text.Encoding.UTF8.GetString(raw.ToArray());
        return new HostRun(code, rawText + stdout, stderr.ToString());
    }
}
