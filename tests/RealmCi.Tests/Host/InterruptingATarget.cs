using RealmCi.Build;
using RealmCi.Build.Host;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Host;

public class InterruptingATarget
{
    [Fact]
    public async Task ATargetStoppedByCtrlCIsOneLineAndExit130NotAnInternalError()
    {
        // As Bisect's was: the run's token cancelled, the target ends in an OperationCanceledException (which the engine wraps).
        using var interrupt = new CancellationTokenSource();
        await interrupt.CancelAsync();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var raw = new MemoryStream();
        var host = new CakeHost(TaskCatalog.Discover<BuildContext>(typeof(InterruptingATarget).Assembly), "ProbeC", BuildOptions.All);
        var code = await host.RunAsync(["--target=ProbeInterrupted"], Yaml.RepoRoot, HostRun.Machine, stdout, stderr, raw, interrupt.Token);
        Assert.Equal((130, "interrupted."), (code, stderr.ToString().Trim()));
    }
}

[TaskName("ProbeInterrupted")]
public sealed class ProbeInterrupted : FrostingTask<BuildContext>
{
    public override Task RunAsync(BuildContext c) => throw new OperationCanceledException(c.Cancellation);
}
