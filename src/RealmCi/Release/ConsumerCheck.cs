using System.Collections.Immutable;
using RealmCi.Containers;
using RealmCi.Matrix;

namespace RealmCi.Release;

/// <summary>The outcome of building and running the downstream project against one binary.</summary>
public sealed record ConsumerResult(bool Passed, long ExitCode, string Log, string Command);

/// <summary>
/// Proves a binary can be consumed: in a clean container of the image it was built in (network
/// none, removed afterwards) with nothing but the extracted archive (read-only at
/// <c>/opt/release</c>) and the downstream project (read-only at <c>/consumer</c>),
/// <c>ctest --build-and-test</c> configures the project against the archive
/// (<c>CMAKE_PREFIX_PATH</c>), builds it, and runs its tests. What the project finds and links
/// (<c>find_package(Realm)</c>, <c>Realm::Realm</c>) is the project's business: it is data.
/// </summary>
public static class ConsumerCheck
{
    public const string Prefix = "/opt/release";

    public static async Task<ConsumerResult> RunAsync(IContainerEngine engine, string image, string archive, string stem, string consumerProject,
        string scratch, BuildConfiguration c, string user, ImmutableSortedDictionary<string, string> labels, CancellationToken cancellation)
    {
        var root = Path.Combine(scratch, c.Id);
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        ReproducibleArchive.Extract(archive, root);
        var command = Command(c);
        var spec = new ContainerSpec(image, command, ImmutableSortedDictionary<string, string>.Empty.Add("HOME", "/tmp"), user, "/tmp",
            [new Mount(Path.Combine(root, stem), Prefix, ReadOnly: true), new Mount(Path.GetFullPath(consumerProject), "/consumer", ReadOnly: true)],
            labels.SetItem(Labels.Step, "consumer"));
        var log = Path.Combine(scratch, c.Id + ".log");
        await using var writer = new StreamWriter(log) { AutoFlush = true };
        var described = $"docker run --rm --network none --user {user} -v {spec.Mounts[0].Source}:{Prefix}:ro -v {spec.Mounts[1].Source}:/consumer:ro {image} {string.Join(' ', command)}";
        await writer.WriteLineAsync("$ " + described);
        var code = await engine.RunAsync(spec, line => { lock (writer) writer.WriteLine(line.Text); }, cancellation);
        return new ConsumerResult(code == 0, code, log, described);
    }

    /// <summary>The one command, as a list: configure against the archive with the configuration's compilers, build, run the project's tests.</summary>
    public static ImmutableArray<string> Command(BuildConfiguration c)
    {
        List<string> args =
        [
            "ctest", "--build-and-test", "/consumer", "/tmp/consumer-build", "--build-generator", "Ninja", "--build-noclean",
            "--build-options", $"-DCMAKE_PREFIX_PATH={Prefix}",
        ];
        foreach (var key in new[] { "CMAKE_BUILD_TYPE", "CMAKE_C_COMPILER", "CMAKE_CXX_COMPILER" })
            if (c.Settings.Cmake.TryGetValue(key, out var value)) args.Add($"-D{key}={value}");
        args.AddRange(["--test-command", "ctest", "--verbose", "--no-tests=error"]); // --verbose: the program's own output goes to the log
        return [.. args];
    }
}
