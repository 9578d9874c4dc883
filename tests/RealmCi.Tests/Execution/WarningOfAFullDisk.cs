using RealmCi.Execution;

namespace RealmCi.Tests.Execution;

public sealed class WarningOfAFullDisk : InTempFolder
{
    [Fact]
    public void TheFreeSpaceOfAFolderNotYetMadeIsItsParentsDisk()
    {
        var free = DiskSpace.Free(Path.Combine(dir, "not", "yet"));
        Assert.NotNull(free);
        Assert.Equal(new DriveInfo(dir).AvailableFreeSpace, free!.Value, (double)(64L << 20)); // within 64 MB: other writers share the disk
    }

    [Fact]
    public void BelowTheThresholdThereIsOneWarningLineAboveItNone()
    {
        var free = DiskSpace.Free(dir)!.Value;
        var line = DiskSpace.Warning(Path.Combine(dir, "artifacts"), low: free + (1L << 30));
        Assert.NotNull(line);
        Assert.StartsWith("warning: only ", line);
        Assert.Contains($"GB free under {Path.Combine(dir, "artifacts")}: ", line);
        Assert.Null(DiskSpace.Warning(dir, low: 0));
    }
}
