using RealmCi.Results;
using System.Formats.Tar;
using System.IO.Compression;
using RealmCi.Errors;
using RealmCi.Packs;

namespace RealmCi.Tests.Packs;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PackingTheBuildTree : InTempFolder
{
    private static readonly PackManifest Manifest = new()
    {
        ConfigurationId = "release-local", ConfigurationHash = "c", RecipeHash = "r", SourceFingerprint = "files:s",
        RealmCiVersion = "v", Executor = ExecutorKind.Docker, Layout = new("/src", "/work", "/work/build"),
    };

    [Theory]
    [InlineData("CMakeFiles/realm.dir/src/realm.cc.o", false)]
    [InlineData("CMakeFiles/realm.dir/src/realm.cc.obj", false)]
    [InlineData("librealm.a", false)]
    [InlineData(".ninja_deps", false)]
    [InlineData(".ninja_log", false)]
    [InlineData("CMakeFiles/realm.dir/src/realm.cc.o.d", false)]
    [InlineData("unit_tests", true)]
    [InlineData("librealm.so.1", true)]
    [InlineData("CTestTestfile.cmake", true)]
    [InlineData("tests/data/input.txt", true)]
    [InlineData("CMakeCache.txt", true)]
    public void ObjectFilesArchivesAndNinjasBookkeepingStayOut(string path, bool kept) => Assert.Equal(kept, PackContents.Keeps(path));

    [Fact]
    public void APackHoldsTheManifestFirstThenTheTreeWithoutObjectFiles()
    {
        var build = Tree();
        var pack = Path.Combine(dir, "pack.tar.gz");
        var written = PackArchive.Write(pack, build, Manifest);

        var names = Names(pack);
        Assert.Equal(PackArchive.ManifestEntry, names[0]);
        Assert.Contains("build/unit_tests", names);
        Assert.Contains("build/CTestTestfile.cmake", names);
        Assert.Contains("build/librealm.so", names);
        Assert.DoesNotContain(names, n => n.EndsWith(".o", StringComparison.Ordinal) || n.EndsWith(".a", StringComparison.Ordinal) || n.Contains(".ninja_"));
        Assert.Equal(4, written.Files); // unit_tests, CTestTestfile.cmake, librealm.so.1 and its link
        Assert.Equal(written, PackArchive.ReadManifest(pack));
    }

    [Fact]
    public void UnpackingRestoresModesAndLinksAndReplacesAnOldTree()
    {
        var pack = Path.Combine(dir, "pack.tar.gz");
        PackArchive.Write(pack, Tree(), Manifest);
        var work = Directory.CreateDirectory(Path.Combine(dir, "fresh")).FullName;
        Directory.CreateDirectory(Path.Combine(work, "build"));
        File.WriteAllText(Path.Combine(work, "build", "stale"), "old");

        PackArchive.Extract(pack, work);

        Assert.False(File.Exists(Path.Combine(work, "build", "stale")));
        Assert.False(File.Exists(Path.Combine(work, PackArchive.ManifestEntry)));
        Assert.True(File.GetUnixFileMode(Path.Combine(work, "build", "unit_tests")).HasFlag(UnixFileMode.UserExecute));
        Assert.Equal("librealm.so.1", new FileInfo(Path.Combine(work, "build", "librealm.so")).LinkTarget);
        Assert.Equal("add_test(unit /work/build/unit_tests)", File.ReadAllText(Path.Combine(work, "build", "CTestTestfile.cmake")));
        Assert.False(File.Exists(Path.Combine(work, "build", "CMakeFiles", "x.dir", "a.cc.o")));
    }

    [Fact]
    public void AFileThatIsNotAPackIsOneClearError()
    {
        var notAPack = Path.Combine(dir, "other.tar.gz");
        using (var file = File.Create(notAPack))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip))
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "readme") { DataStream = new MemoryStream("hi"u8.ToArray()) });
        var e = Assert.Throws<RealmCiException>(() => PackArchive.ReadManifest(notAPack));
        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
        Assert.Contains("not a realm-ci pack", e.Message);
        Assert.Contains("no such file", Assert.Throws<RealmCiException>(() => PackArchive.ReadManifest(Path.Combine(dir, "missing.tar.gz"))).Message);
    }

    private string Tree()
    {
        var build = Directory.CreateDirectory(Path.Combine(dir, "work", "build")).FullName;
        Directory.CreateDirectory(Path.Combine(build, "CMakeFiles", "x.dir"));
        File.WriteAllText(Path.Combine(build, "CMakeFiles", "x.dir", "a.cc.o"), "object");
        File.WriteAllText(Path.Combine(build, "librealm.a"), "archive");
        File.WriteAllText(Path.Combine(build, ".ninja_deps"), "deps");
        File.WriteAllText(Path.Combine(build, "unit_tests"), "#!/bin/sh\n");
        File.SetUnixFileMode(Path.Combine(build, "unit_tests"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(Path.Combine(build, "CTestTestfile.cmake"), "add_test(unit /work/build/unit_tests)");
        File.WriteAllText(Path.Combine(build, "librealm.so.1"), "shared");
        File.CreateSymbolicLink(Path.Combine(build, "librealm.so"), "librealm.so.1");
        return build;
    }

    private static List<string> Names(string pack)
    {
        using var file = File.OpenRead(pack);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        var names = new List<string>();
        while (tar.GetNextEntry() is { } e) names.Add(e.Name);
        return names;
    }
}
