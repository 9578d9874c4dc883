using System.Diagnostics;
using RealmCi.Containers;

namespace RealmCi.Tests.Execution;

public class SweepingOrphans
{
    private static Dictionary<string, string> LabelsOf(int pid, string? host = null) => new()
    {
        [Labels.Run] = "r", [Labels.Pid] = pid.ToString(), [Labels.Host] = host ?? Environment.MachineName,
    };

    [Fact]
    public void AContainerOfADeadProcessOnThisHostIsAnOrphan()
    {
        using var p = Process.Start("true")!;
        p.WaitForExit();
        Assert.True(OrphanSweeper.IsOrphan(LabelsOf(p.Id)));
    }

    [Fact]
    public void AContainerOfALiveProcessIsNot() => Assert.False(OrphanSweeper.IsOrphan(LabelsOf(Environment.ProcessId)));

    [Fact]
    public void AContainerOfAnotherHostIsNot() => Assert.False(OrphanSweeper.IsOrphan(LabelsOf(999_999, "another-host")));

    [Fact]
    public void AContainerWithoutAProcessLabelIsNot() => Assert.False(OrphanSweeper.IsOrphan(new Dictionary<string, string> { [Labels.Run] = "r" }));
}
