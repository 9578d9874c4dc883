using RealmCi.Results;

namespace RealmCi.Layout;

/// <summary>
/// A configuration's artifacts folder (<c>ARTIFACTS/ID</c>, mounted at <c>/work</c> in a container):
/// the one place its file and folder names are spelled. Every writer (the runner, its steps, the
/// result cache) and reader (the cache, Clean's inventory, <see cref="CMake.WorkLayout"/>) uses it.
/// </summary>
public sealed record ConfigurationFolder(string Root)
{
    public const string ResultName = "result.json";
    public const string JUnitName = "junit.xml";
    public const string ReproduceName = "reproduce.sh";
    public const string DockerfileName = "Dockerfile";
    public const string BuildName = "build";
    public const string InstallName = "install";

    /// <summary>The files a run writes: cleared before its first step, kept by a result-cache entry.</summary>
    public static IReadOnlyList<string> Outputs { get; } =
        [ResultName, JUnitName, .. new[] { StepKind.Image, StepKind.Configure, StepKind.Build, StepKind.Test, StepKind.Install, StepKind.Abi }.Select(LogName), DockerfileName, ReproduceName,
         .. Abi.AbiFiles.All]; // the ABI check's: a cached baseline still gives its dump

    public string Result => Path.Combine(Root, ResultName);

    public string JUnit => Path.Combine(Root, JUnitName);

    public string Reproduce => Path.Combine(Root, ReproduceName);

    public string Dockerfile => Path.Combine(Root, DockerfileName);

    /// <summary>The CMake build tree.</summary>
    public string BuildTree => Path.Combine(Root, BuildName);

    /// <summary>Which source folder the build tree was built from (<see cref="BuildTreeSource"/>).</summary>
    public string BuildSource => Path.Combine(Root, ".build-source");

    /// <summary>The install tree.</summary>
    public string InstallTree => Path.Combine(Root, InstallName);

    public string Log(StepKind step) => Path.Combine(Root, LogName(step));

    /// <summary>A step's log, e.g. <c>build.log</c>.</summary>
    public static string LogName(StepKind step) => $"{step.ToString().ToLowerInvariant()}.log";
}
