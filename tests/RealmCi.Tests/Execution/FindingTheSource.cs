using RealmCi.Errors;
using RealmCi.Execution;

namespace RealmCi.Tests.Execution;

public sealed class FindingTheSource : InTempFolder
{

    private void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, path))!);
        File.WriteAllText(Path.Combine(dir, path), text);
    }

    [Fact]
    public void ARealmCheckoutIsBuiltFromItsTop()
    {
        Write("CMakeLists.txt", "cmake_minimum_required(VERSION 3.22)\nproject(\n  Realm\n  VERSION 26.7.1)\n");
        Write("realm/CMakeLists.txt", "# a subfolder that happens to be called realm\n");
        Assert.Null(SourceLocator.Inspect(dir, "given").Subdir);
    }

    [Fact]
    public void ALegionCheckoutIsBuiltFromItsRealmFolder()
    {
        Write("CMakeLists.txt", "project(Legion VERSION 25.6.0)\n");
        Write("realm/CMakeLists.txt", "project(Realm)\n");
        Assert.Equal("realm", SourceLocator.Inspect(dir, "given").Subdir);
    }

    [Fact]
    public void AnyOtherCMakeProjectIsBuiltFromItsTop()
    {
        Write("CMakeLists.txt", "project(MiniRealm)\n");
        Assert.Null(SourceLocator.Inspect(dir, "given").Subdir);
    }

    [Fact]
    public void AFolderWithoutACMakeProjectIsAnInputError()
    {
        var e = Assert.Throws<RealmCiException>(() => SourceLocator.Inspect(dir, "given"));
        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
        Assert.Contains("no CMakeLists.txt", e.Message);
    }

    [Fact]
    public void AMissingFolderIsAnInputError() =>
        Assert.Contains("no such folder", Assert.Throws<RealmCiException>(() => SourceLocator.Inspect(Path.Combine(dir, "nope"), "given")).Message);

    [Fact]
    public void AFailedCloneSaysHowToPassAPath()
    {
        var e = Assert.Throws<RealmCiException>(() => SourceLocator.Resolve(null, dir, Path.Combine(dir, "no-such-repo"), "main", _ => { }, CancellationToken.None));
        Assert.Equal(ExitCodes.Unavailable, e.ExitCode);
        Assert.Contains("--realm-source=PATH", e.Message);
        Assert.False(Directory.Exists(Path.Combine(dir, "realm-src", "main")));
    }
}
