using System.Diagnostics;
using RealmCi.Containers;
using RealmCi.Errors;
using RealmCi.Matrix;

namespace RealmCi.Images;

/// <summary>A base image as the engine has it.</summary>
public sealed record ResolvedBase(string Reference, string ImageId, string How);

/// <summary>
/// Finds a configuration's base image: the engine's own copy (or one bootstrapped earlier),
/// else a pull (unless pulls are off), else — when the base has a <c>bootstrap</c> section — a
/// root file system made from a distribution mirror with debootstrap and imported (the
/// air-gapped path). The bootstrapped image is tagged <c>realm-ci/base-NAME:HASH</c> (a hash of
/// the bootstrap settings), so it is made once per engine.
/// </summary>
public sealed class BaseImageResolver(IContainerEngine engine, Action<string> log, bool allowPull = true)
{
    public async Task<ResolvedBase> ResolveAsync(BaseImage image, CancellationToken cancellation)
    {
        if (await engine.ImageIdAsync(image.Image, cancellation) is { } id) return new(image.Image, id, "local");
        var tag = image.Bootstrap is { } b ? BootstrapTag(image.Name, b) : null;
        if (tag is not null && await engine.ImageIdAsync(tag, cancellation) is { } earlier) return new(tag, earlier, "bootstrapped earlier");

        string? pullError = allowPull ? null : "pulls are off (--pull=never)";
        if (allowPull)
        try
        {
            log($"pulling {image.Image}");
            await engine.PullAsync(image.Image, log, cancellation);
            if (await engine.ImageIdAsync(image.Image, cancellation) is { } pulled) return new(image.Image, pulled, "pulled");
        }
        catch (Exception e) when (e is not OperationCanceledException and not EngineUnavailableException)
        {
            pullError = e.Message.Split('\n')[0];
            log($"pull of {image.Image} failed: {pullError}");
        }

        if (image.Bootstrap is not { } bootstrap)
            throw new RealmCiException($"base image '{image.Image}' is not in the engine and could not be pulled ({pullError}); " +
                $"load it (docker load / docker import) or give base '{image.Name}' a bootstrap section", ExitCodes.Unavailable);

        await BootstrapAsync(bootstrap, tag!, cancellation);
        return new(tag!, await engine.ImageIdAsync(tag!, cancellation) ?? throw new RealmCiException($"importing {tag} left no image"), "bootstrapped");
    }

    public static string BootstrapTag(string name, Bootstrap b) =>
        $"realm-ci/base-{name}:{ImageRecipe.Hash($"{b.Suite}|{b.Mirror}|{b.Variant}|{string.Join(",", b.Components)}")[..12]}";

    /// <summary>The debootstrap command, as a list (tested as a list).</summary>
    public static IReadOnlyList<string> DebootstrapArguments(Bootstrap b, string target) =>
        [$"--variant={b.Variant}", $"--components={string.Join(",", b.Components)}", b.Suite, target, b.Mirror];

    private async Task BootstrapAsync(Bootstrap bootstrap, string tag, CancellationToken cancellation)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
            throw new RealmCiException($"making base image {tag} with debootstrap needs root on Linux; run once as root, or load a base image", ExitCodes.Unavailable);
        if (Which("debootstrap") is null)
            throw new RealmCiException("making a base image needs debootstrap: apt-get install debootstrap", ExitCodes.Unavailable);

        var root = Directory.CreateTempSubdirectory("realm-ci-rootfs-").FullName;
        try
        {
            var started = Stopwatch.StartNew();
            log($"bootstrapping {bootstrap.Suite} from {bootstrap.Mirror} into {root}");
            var code = await Processes.RunAsync("debootstrap", DebootstrapArguments(bootstrap, root), null, line => log(line.Text), cancellation);
            if (code != 0) throw new RealmCiException($"debootstrap {bootstrap.Suite} from {bootstrap.Mirror} failed (exit {code}); see the log above", ExitCodes.Unavailable);

            log($"importing {root} as {tag}");
            using var tar = Process.Start(new ProcessStartInfo("tar") { ArgumentList = { "-C", root, "--numeric-owner", "-c", "." }, RedirectStandardOutput = true })!;
            await engine.ImportAsync(tar.StandardOutput.BaseStream, tag, cancellation);
            await tar.WaitForExitAsync(cancellation);
            log($"base image {tag} made in {started.Elapsed.TotalSeconds:F0} s");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    internal static string? Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
}
