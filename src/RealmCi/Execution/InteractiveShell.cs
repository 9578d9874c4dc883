using RealmCi.Layout;
using System.Diagnostics;
using RealmCi.Containers;
using RealmCi.Errors;
using RealmCi.Images;
using RealmCi.Matrix;

using RealmCi.Results;

namespace RealmCi.Execution;

/// <summary>
/// An interactive shell in a configuration's container, with the source (read-only), the build
/// tree and ccache mounted as the steps see them. Terminal handling is the docker CLI's job,
/// so this runs <c>docker run -it</c> with the arguments the plan gives the build step's container.
/// (The one process not run through CliWrap: it needs the terminal itself, not redirected streams.)
/// </summary>
public static class InteractiveShell
{
    public static async Task<int> RunAsync(BuildConfiguration c, PipelineOptions options, IContainerEngine engine, Action<string> log, CancellationToken cancellation)
    {
        await engine.PingAsync(cancellation);
        var image = await new ImagePreparer(engine, options.Pull, bootstrapper: new Images.Debootstrap(engine, options.Host.HasTool("debootstrap")), sources: options.SourceCache()).PrepareAsync(c, line => log(line.Text), cancellation);
        var folder = new ArtifactsFolder(options.Artifacts).Configuration(c.Id).Root;
        Directory.CreateDirectory(folder);
        var ccache = new CacheLayout(options.Cache).Ccache;
        Directory.CreateDirectory(ccache);
        var layout = ExecutorLayout.Docker(image.Tag, options.Source, folder, ccache, options.User, Labels.For(options.RunId, c.Id));
        var plan = StepPlanner.Plan(c, options, layout, options.Host.Cores);
        var args = PlanText.DockerRunArguments(plan.Container(plan.Step(Results.StepKind.Build), ["bash"]), interactive: true);
        log($"{c.Id}: source at /src (read-only), build tree at /work/build, install at /work/install");
        if (!options.Host.HasTool("docker")) throw new RealmCiException("--target=Shell needs the docker command-line client", ExitCodes.Unavailable);
        var info = new ProcessStartInfo(args[0]) { UseShellExecute = false };
        foreach (var a in args.Skip(1)) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        try { await process.WaitForExitAsync(cancellation); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // the docker client; --rm and --init remove the container
            throw;
        }
        return process.ExitCode;
    }
}
