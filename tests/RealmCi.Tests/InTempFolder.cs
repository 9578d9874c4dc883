namespace RealmCi.Tests;

/// <summary>A test class that works in a fresh temporary folder, removed afterwards.</summary>
public abstract class InTempFolder : IDisposable
{
    protected readonly string dir = Directory.CreateTempSubdirectory("realm-ci-test-").FullName;

    public void Dispose()
    {
        Directory.Delete(dir, recursive: true);
        GC.SuppressFinalize(this);
    }
}
