using RealmCi.Build;

namespace RealmCi.Tests.Host;

/// <summary>The Clean target as the command line reaches it (no engine: --executor=host).</summary>
public sealed class CleaningThroughTheHost : InTempFolder
{
    private HostRun Run(params string[] args) => HostRun.In(dir, typeof(BuildContext).Assembly, "Matrix", args);

    private void Setup()
    {
        File.WriteAllText(Path.Combine(dir, "cake.config"), "[RealmCi]\nArtifacts=out\nCache=cache\n");
        Directory.CreateDirectory(Path.Combine(dir, "out", "cfg", "build"));
        File.WriteAllBytes(Path.Combine(dir, "out", "cfg", "build", "a.o"), new byte[2048]);
        Directory.CreateDirectory(Path.Combine(dir, "cache", "results"));
        File.WriteAllText(Path.Combine(dir, "cache", "results", "key.json"), "{}");
    }

    [Fact]
    public void ItShowsTheFoldersCakeConfigNamesAndKeepsThem()
    {
        Setup();
        var run = Run("--target=Clean", "--executor=host");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Matches(@"(?m)^build tree\s+2 KiB\s+today\s+remove\s+cfg$", run.Out);
        Assert.Matches(@"(?m)^cache entry\s+2 B\s+today\s+remove\s+key$", run.Out);
        Assert.True(File.Exists(Path.Combine(dir, "out", "cfg", "build", "a.o")));
    }

    [Fact]
    public void RemoveWithAnAgeLimitKeepsWhatIsRecent()
    {
        Setup();
        var run = Run("--target=Clean", "--executor=host", "--older-than=1", "--remove");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("Removed 0 items, 0 B.", run.Out);
        Assert.True(File.Exists(Path.Combine(dir, "out", "cfg", "build", "a.o")));

        var all = Run("--target=Clean", "--executor=host", "--remove");
        Assert.True(all.ExitCode == 0, all.Err);
        Assert.False(Directory.Exists(Path.Combine(dir, "out", "cfg", "build")));
        Assert.False(File.Exists(Path.Combine(dir, "cache", "results", "key.json")));
    }
}
