using RealmCi.Layout;

namespace RealmCi.Tests.Execution;

/// <summary>
/// A build tree is reused only for the source folder it was built from (real files). Found on the
/// real canary (2026-12-07): a copy of the November Realm's tree given a planted bug whose file was
/// older than its object — Ninja kept the object and the "planted" run tested the unplanted code.
/// </summary>
public sealed class ReusingABuildTree : InTempFolder
{
    private ConfigurationFolder Folder => new(dir);

    private string Tree => Folder.BuildTree;

    [Fact]
    public void TheSameSourceKeepsItsTreeAnotherStartsAfresh()
    {
        Directory.CreateDirectory(Tree);
        BuildTreeSource.Record(Folder, "/src/realm");
        Assert.Equal("/src/realm\n", File.ReadAllText(Path.Combine(dir, ".build-source"))); // beside the tree, which is the container's
        File.WriteAllText(Path.Combine(Tree, "partitions.cc.o"), "object");
        Assert.Null(BuildTreeSource.Prepare(Folder, "/src/realm"));
        Assert.True(File.Exists(Path.Combine(Tree, "partitions.cc.o")));

        Assert.Equal($"build tree {Tree} was built from /src/realm, not /src/realm-planted: starting afresh (a reused tree would keep objects of files older there)",
            BuildTreeSource.Prepare(Folder, "/src/realm-planted"));
        Assert.False(Directory.Exists(Tree));
        Assert.Null(BuildTreeSource.Prepare(Folder, "/src/realm-planted")); // nothing to keep or remove
    }

    [Fact]
    public void ATreeThatDoesNotSayIsStartedAfresh()
    {
        Directory.CreateDirectory(Tree);
        File.WriteAllText(Path.Combine(Tree, "CMakeCache.txt"), "");
        Assert.StartsWith($"build tree {Tree} does not say which source it was built from", BuildTreeSource.Prepare(Folder, "/src/realm"));
        Assert.False(Directory.Exists(Tree));
    }
}
