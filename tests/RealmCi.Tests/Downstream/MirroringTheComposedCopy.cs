using RealmCi.Downstream;

namespace RealmCi.Tests.Downstream;

/// <summary>
/// The composed copy is updated in place (real files): unchanged files keep their modification
/// time (Ninja then rebuilds only what changed), changed and new ones are written, what the new
/// composition lacks is removed — files, folders, and a file that became a folder.
/// </summary>
public class MirroringTheComposedCopy : InTempFolder
{
    private string Write(string root, string path, string text)
    {
        var file = Path.Combine(dir, root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    /// <summary>The new composition, in <paramref name="root"/>.</summary>
    private void Composed(string root)
    {
        foreach (var (path, text) in new[] { ("a/same.cc", "same"), ("a/changed.cc", "new"), ("a/new.cc", "new"), ("becomes-dir/f.h", "x"), ("grown.h", "123") })
            Write(root, path, text);
        File.CreateSymbolicLink(Path.Combine(dir, root, "link"), "a/same.cc");
    }

    [Fact]
    public void OnlyWhatChangedIsWrittenAndWhatIsGoneIsRemoved()
    {
        var old = DateTime.UtcNow.AddHours(-1);
        foreach (var (path, text) in new[] { ("a/same.cc", "same"), ("a/changed.cc", "old"), ("a/gone.cc", "x"), ("gone/deep/f.h", "x"), ("becomes-dir", "x"), ("grown.h", "12") })
            File.SetLastWriteTimeUtc(Write("to", path, text), old);
        Composed("from");

        File.SetLastWriteTimeUtc(Path.Combine(dir, "from", "a/changed.cc"), old.AddDays(-1)); // its source is older than what it replaces (another checkout)
        var before = DateTime.UtcNow.AddSeconds(-1);
        var (written, kept, removed) = TreeMirror.Mirror(Path.Combine(dir, "from"), Path.Combine(dir, "to"));

        Assert.Equal((5, 1, 3), (written, kept, removed)); // written: changed, new, becomes-dir/f.h, grown, link; removed: gone.cc, gone/deep/f.h, the file becomes-dir
        string To(string p) => Path.Combine(dir, "to", p);
        Assert.Equal(old, File.GetLastWriteTimeUtc(To("a/same.cc")));
        Assert.True(File.GetLastWriteTimeUtc(To("a/changed.cc")) >= before); // newer than any object built from the old bytes
        Assert.Equal(["new", "new", "x", "123", "a/same.cc"], new[] { File.ReadAllText(To("a/changed.cc")), File.ReadAllText(To("a/new.cc")),
            File.ReadAllText(To("becomes-dir/f.h")), File.ReadAllText(To("grown.h")), new FileInfo(To("link")).LinkTarget ?? "" });
        Assert.False(File.Exists(To("a/gone.cc")));
        Assert.False(Directory.Exists(To("gone")));

        // Mirroring the same content again writes nothing.
        Composed("again");
        Assert.Equal((0, 6, 0), TreeMirror.Mirror(Path.Combine(dir, "again"), Path.Combine(dir, "to")));
    }
}
