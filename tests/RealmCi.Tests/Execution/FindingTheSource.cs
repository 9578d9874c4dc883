using RealmCi.Errors;
using RealmCi.Execution;
using RealmCi.Matrix;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Execution;

public sealed class FindingTheSource : InTempFolder
{
    /// <summary>Realm's matrix file's source section: where Realm is found lives in data, not in the code.</summary>
    private static readonly ProjectSource Realm = MatrixLoader.LoadSource(Yaml.RealmMatrixPath);

    [Fact]
    public void TheRealmMatrixNamesTheRepositoryAndLegionsFolder()
    {
        Assert.Equal("https://github.com/StanfordLegion/realm.git", Realm.Repository);
        Assert.Equal(["realm"], Realm.Subdirs.ToArray());
        Assert.NotNull(Realm.ProjectPattern);
    }

    [Fact]
    public void AnotherProjectsMatrixFindsItsOwnFolder()
    {
        Write("CMakeLists.txt", "project(Umbrella)\n");
        Write("engine/CMakeLists.txt", "project(Engine)\n");
        var other = new ProjectSource(null, "main", @"^\s*project\s*\(\s*Engine\b", ["engine"]);
        Assert.Equal("engine", SourceLocator.Inspect(dir, "given", other).Subdir);
        Assert.Null(SourceLocator.Inspect(dir, "given", Realm).Subdir); // Realm's matrix knows no engine/ folder
    }

    [Fact]
    public async Task WithoutACheckoutOrARepositoryItSaysWhatToPass()
    {
        var e = await Assert.ThrowsAsync<RealmCiException>(() => SourceLocator.ResolveAsync(null, dir, null, "main", ProjectSource.None, _ => { }, CancellationToken.None));
        Assert.Contains("--realm-source=PATH", e.Message);
    }

    [Fact]
    public void ABadProjectPatternIsAMatrixErrorWithItsPlace()
    {
        var file = Path.Combine(dir, "m.yaml");
        File.WriteAllText(file, "source:\n  project-pattern: '(unclosed'\n  subdir: [x]\n");
        var e = Assert.Throws<MatrixException>(() => MatrixLoader.LoadSource(file));
        Assert.Contains(e.Diagnostics, d => d.Message.Contains("project-pattern") && d.Where.Line == 2);
        Assert.Contains(e.Diagnostics, d => d.Message.Contains("subdir"));
    }

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
        Assert.Null(SourceLocator.Inspect(dir, "given", Realm).Subdir);
    }

    [Fact]
    public void ALegionCheckoutIsBuiltFromItsRealmFolder()
    {
        Write("CMakeLists.txt", "project(Legion VERSION 25.6.0)\n");
        Write("realm/CMakeLists.txt", "project(Realm)\n");
        Assert.Equal("realm", SourceLocator.Inspect(dir, "given", Realm).Subdir);
    }

    [Fact]
    public void AnyOtherCMakeProjectIsBuiltFromItsTop()
    {
        Write("CMakeLists.txt", "project(MiniRealm)\n");
        Assert.Null(SourceLocator.Inspect(dir, "given", Realm).Subdir);
    }

    [Fact]
    public void AFolderWithoutACMakeProjectIsAnInputError()
    {
        var e = Assert.Throws<RealmCiException>(() => SourceLocator.Inspect(dir, "given", Realm));
        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
        Assert.Contains("no CMakeLists.txt", e.Message);
    }

    [Fact]
    public void AMissingFolderIsAnInputError() =>
        Assert.Contains("no such folder", Assert.Throws<RealmCiException>(() => SourceLocator.Inspect(Path.Combine(dir, "nope"), "given", Realm)).Message);

    [Fact]
    public async Task AFailedCloneSaysHowToPassAPath()
    {
        var e = await Assert.ThrowsAsync<RealmCiException>(() => SourceLocator.ResolveAsync(null, dir, Path.Combine(dir, "no-such-repo"), "main", Realm, _ => { }, CancellationToken.None));
        Assert.Equal(ExitCodes.Unavailable, e.ExitCode);
        Assert.Contains("--realm-source=PATH", e.Message);
        Assert.False(Directory.Exists(Path.Combine(dir, "realm-src", "main")));
    }
}
