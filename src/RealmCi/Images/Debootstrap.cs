using System.Diagnostics;
using RealmCi.Containers;
using RealmCi.Errors;
using RealmCi.Matrix;
using RealmCi.Results;

namespace RealmCi.Images;

/// <summary>
/// <see cref="IBaseBootstrapper"/> with debootstrap: a root file system from the mirror, packed
/// with tar (checked, killed on cancellation) and imported into the engine. Needs root on Linux;
/// <paramref name="toolFound"/>: whether the host's PATH has debootstrap (the front end's host facts say).
/// </summary>
public sealed class Debootstrap(IContainerEngine engine, bool toolFound = true) : IBaseBootstrapper
{
    /// <summary>The debootstrap command, as a list (tested as a list).</summary>
    public static IReadOnlyList<string> Arguments(Bootstrap b, string target) =>
        [$"--variant={b.Variant}", $"--components={string.Join(",", b.Components)}", b.Suite, target, b.Mirror];

    public async Task BootstrapAsync(Bootstrap bootstrap, string tag, Action<ImageLine> log, CancellationToken cancellation)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
            throw new RealmCiException($"making base image {tag} with debootstrap needs root on Linux; run once as root, or load a base image", ExitCodes.Unavailable);
        if (!toolFound)
            throw new RealmCiException("making a base image needs debootstrap: apt-get install debootstrap", ExitCodes.Unavailable);

        var work = Directory.CreateTempSubdirectory("realm-ci-rootfs-").FullName;
        var root = Path.Combine(work, "root");
        var archive = Path.Combine(work, "rootfs.tar");
        try
        {
            var started = Stopwatch.StartNew();
            log(ImageLine.Headline($"bootstrapping {bootstrap.Suite} from {bootstrap.Mirror} into {root}"));
            var code = await Processes.RunAsync("debootstrap", Arguments(bootstrap, root), null, line => log(ImageLine.Output(line.Text)), cancellation);
            if (code != 0) throw new RealmCiException($"debootstrap {bootstrap.Suite} from {bootstrap.Mirror} failed (exit {code}); see the log above", ExitCodes.Unavailable);

            log(ImageLine.Headline($"importing {root} as {tag}"));
            await using (var file = File.Create(archive))
            {
                var tar = await Processes.PipeToAsync("tar", ["-C", root, "--numeric-owner", "-c", "."], file, cancellation);
                if (tar.ExitCode != 0) throw new RealmCiException($"packing the root file system of {tag} failed: tar: {tar.LastError}", ExitCodes.Unavailable);
            }
            await using (var file = File.OpenRead(archive))
                await engine.ImportAsync(file, tag, cancellation);
            log(ImageLine.Headline($"base image {tag} made in {started.Elapsed.TotalSeconds:F0} s"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
