using RealmCi.Errors;
using RealmCi.Housekeeping;

namespace RealmCi.Tests.Housekeeping;

public sealed class LockingTheArtifactsFolder : InTempFolder
{
    private string Artifacts => Path.Combine(dir, "artifacts");

    [Fact]
    public void ASecondHolderIsRefusedNamingTheFirstAndExitsThree()
    {
        using var first = ArtifactsLock.Acquire(Artifacts);
        var refused = Assert.Throws<RealmCiException>(() => ArtifactsLock.Acquire(Artifacts));
        Assert.Equal(ExitCodes.Unavailable, refused.ExitCode);
        Assert.Matches($@"^artifacts folder {System.Text.RegularExpressions.Regex.Escape(Artifacts)} is in use by realm-ci pid {Environment.ProcessId} since \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d UTC; use --artifacts=DIR for a parallel run$", refused.Message);
    }

    [Fact]
    public void ReleasingTheLockLetsTheNextRunTakeIt()
    {
        ArtifactsLock.Acquire(Artifacts).Dispose();
        using var again = ArtifactsLock.Acquire(Artifacts);
        Assert.True(File.Exists(Path.Combine(Artifacts, ".lock.owner")));
    }

    [Fact]
    public void ALeftoverLockFileFromAKilledRunDoesNotBlock()
    {
        Directory.CreateDirectory(Artifacts);
        File.WriteAllText(Path.Combine(Artifacts, ".lock"), "");
        File.WriteAllText(Path.Combine(Artifacts, ".lock.owner"), "999999 2020-01-01 00:00:00 UTC\n");
        using var taken = ArtifactsLock.Acquire(Artifacts);
        Assert.StartsWith($"{Environment.ProcessId} ", File.ReadAllText(Path.Combine(Artifacts, ".lock.owner")));
    }

    [Fact]
    public void OtherFoldersAreIndependent()
    {
        var parallel = Path.Combine(dir, "parallel");
        using var one = ArtifactsLock.Acquire(Artifacts);
        using var other = ArtifactsLock.Acquire(parallel);
        Assert.StartsWith($"{Environment.ProcessId} ", File.ReadAllText(Path.Combine(parallel, ".lock.owner"))); // the second folder is really held
        Assert.Throws<RealmCiException>(() => ArtifactsLock.Acquire(parallel)); // and by its own lock, refused while held
        Assert.Throws<RealmCiException>(() => ArtifactsLock.Acquire(Artifacts)); // while the first stays held
    }
}
