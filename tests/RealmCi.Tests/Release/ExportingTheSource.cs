using System.Formats.Tar;
using System.IO.Compression;
using RealmCi.Errors;
using RealmCi.Release;

namespace RealmCi.Tests.Release;

public class ExportingTheSource : InTempFolder
{
    private ScratchRepository Legion() => ScratchRepository.Create(Path.Combine(dir, "legion"))
        .Write("CMakeLists.txt", "project(Legion)\n")
        .Write("realm/CMakeLists.txt", "project(Realm)\n")
        .Write("runtime/realm/runtime_impl.cc", "// realm\n")
        .Write("runtime/realm.h", "// top header\n")
        .Write("runtime/legion/legion.cc", "// legion, not read by realm/\n")
        .Write("cmake/realm_defines.h.in", "#define X\n")
        .Write("cmake/legion_defines.h.in", "#define L\n")
        .Write("test/realm/taskreg.cc", "// test\n")
        .Write("test/legion/t.cc", "// legion test\n")
        .Commit("legion", tag: "legion-25.06.0");

    private static List<(string Name, string Text)> Read(string archive)
    {
        using var tar = new TarReader(new GZipStream(File.OpenRead(archive), CompressionMode.Decompress));
        var list = new List<(string, string)>();
        while (tar.GetNextEntry() is { } e)
            list.Add((e.Name, e.DataStream is null ? "" : new StreamReader(e.DataStream).ReadToEnd()));
        return list;
    }

    private async Task<ExportedSource> Export(ScratchRepository repo, string tagName, string version)
    {
        var tag = await GitTag.ResolveAsync(repo.Folder, tagName, CancellationToken.None);
        var names = new ReleaseNames("realm", version);
        return await SourcePackage.ExportAsync(repo.Folder, tag, names, Path.Combine(dir, names.SourceArchive), Path.Combine(dir, "src"), CancellationToken.None);
    }

    [Fact]
    public async Task LegionsTreeIsReducedToWhatRealmsBuildReadsWithAVersionFileBesideRealmsCMakeProject()
    {
        var repo = Legion();
        var source = await Export(repo, "legion-25.06.0", "25.06.0");

        Assert.Equal("realm", source.Subdir);
        var files = Read(source.Archive).Where(e => !e.Name.EndsWith('/')).ToDictionary(e => e.Name, e => e.Text);
        Assert.Equal(
        [
            "realm-25.06.0/cmake/realm_defines.h.in", "realm-25.06.0/realm/CMakeLists.txt", "realm-25.06.0/realm/VERSION",
            "realm-25.06.0/runtime/realm.h", "realm-25.06.0/runtime/realm/runtime_impl.cc", "realm-25.06.0/test/realm/taskreg.cc",
        ], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("25.06.0", files["realm-25.06.0/realm/VERSION"]); // no newline: Realm's CMake reads the file whole
        Assert.Equal("25.06.0", File.ReadAllText(Path.Combine(source.Folder, "realm", "VERSION")));
        Assert.True(File.Exists(Path.Combine(source.Folder, "runtime", "realm", "runtime_impl.cc")));
    }

    [Fact]
    public async Task TheTagIsExportedNotTheWorkingTree()
    {
        var repo = ScratchRepository.Create(Path.Combine(dir, "realm")).Write("CMakeLists.txt", "project(Realm)\n").Write("src/a.cc", "tagged\n").Commit("one", tag: "v26.7.1");
        repo.Write("src/a.cc", "edited after the tag\n").Write("src/new.cc", "untracked\n");
        var source = await Export(repo, "v26.7.1", "26.7.1");

        Assert.Null(source.Subdir);
        Assert.Equal("tagged\n", File.ReadAllText(Path.Combine(source.Folder, "src", "a.cc")));
        Assert.False(File.Exists(Path.Combine(source.Folder, "src", "new.cc")));
        Assert.Equal("26.7.1", File.ReadAllText(Path.Combine(source.Folder, "VERSION")));
    }

    [Fact]
    public async Task ExportingTheSameTagTwiceGivesTheSameArchive()
    {
        var repo = Legion();
        var exported = await Export(repo, "legion-25.06.0", "25.06.0");
        var first = File.ReadAllBytes(exported.Archive);
        foreach (var file in Directory.EnumerateFiles(exported.Folder, "*", SearchOption.AllDirectories)) // file times differ, without waiting for the clock
            File.SetLastWriteTimeUtc(file, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var second = File.ReadAllBytes((await Export(repo, "legion-25.06.0", "25.06.0")).Archive);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task ASubfolderOfTheCheckoutStandsForTheWholeCheckout()
    {
        var repo = Legion();
        Assert.Equal(repo.Folder, await GitTag.TopLevelAsync(Path.Combine(repo.Folder, "runtime", "realm"), CancellationToken.None));
    }

    [Fact]
    public async Task AnUnknownTagIsInvalidInputInOneLine()
    {
        var repo = Legion();
        var e = await Assert.ThrowsAsync<RealmCiException>(() => GitTag.ResolveAsync(repo.Folder, "legion-99.0.0", CancellationToken.None));
        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
        Assert.StartsWith("--tag=legion-99.0.0: no such tag", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task ATagResolvesToItsCommitAndTheCommitsTime()
    {
        var repo = Legion();
        var tag = await GitTag.ResolveAsync(repo.Folder, "legion-25.06.0", CancellationToken.None);
        Assert.Equal(repo.Git("rev-parse", "HEAD"), tag.Commit);
        Assert.Equal(new DateTimeOffset(2025, 6, 30, 12, 0, 0, TimeSpan.Zero), tag.CommitTime);
    }
}
