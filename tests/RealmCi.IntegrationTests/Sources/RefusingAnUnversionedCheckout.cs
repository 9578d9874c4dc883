using RealmCi.Errors;
using RealmCi.Execution;
using RealmCi.Matrix;

namespace RealmCi.IntegrationTests.Sources;

/// <summary>
/// Realm's matrix file's version rules against real git checkouts: a --depth 1 clone past a tag
/// is refused before anything runs (exit 2, with the command that fixes it) and accepted once
/// that command ran; a Legion-like tree exactly on its legion-* tag is refused, one commit past
/// it accepted. The checkout is only read.
/// </summary>
public sealed class RefusingAnUnversionedCheckout : IDisposable
{
    private static readonly ProjectSource Realm = MatrixLoader.LoadSource(Path.Combine(EngineFixture.Root, "matrix", "realm.yaml"));
    private readonly ScratchRepository upstream = new();

    public void Dispose() => upstream.Dispose();

    private static Task<SourceTree> Resolve(string checkout) =>
        SourceLocator.ResolveAsync(checkout, "/nonexistent-cache", null, "main", Realm, _ => { }, CancellationToken.None);

    [Fact]
    public async Task AShallowClonePastATagIsRefusedUntilItsTagsAreFetched()
    {
        upstream.Commit("release", ("CMakeLists.txt", "project(Realm)\n"), ("VERSION", "$Format:%(describe:tags,match=v*)$\n"));
        upstream.Git("tag", "v25.11.0");
        upstream.Commit("work", ("a.cc", "int a;\n"));
        var clone = Path.Combine(upstream.Root, "shallow");
        ScratchRepository.Run(upstream.Root, "clone", "-q", "--depth", "1", "--single-branch", "--branch", "main", upstream.Url, clone);
        var index = File.GetLastWriteTimeUtc(Path.Combine(clone, ".git", "index"));

        var e = await Assert.ThrowsAsync<RealmCiException>(() => Resolve(clone));

        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
        Assert.StartsWith($"--realm-source={clone}: cannot give the project a version: no tag reachable from HEAD (a shallow clone)", e.Message);
        Assert.EndsWith($"Fix: git -C {clone} fetch --tags --unshallow", e.Message);
        Assert.Equal(index, File.GetLastWriteTimeUtc(Path.Combine(clone, ".git", "index")));
        Assert.Equal("", ScratchRepository.Run(clone, "status", "--porcelain"));

        ScratchRepository.Run(clone, "fetch", "-q", "--tags", "--unshallow");
        Assert.Null((await Resolve(clone)).Subdir);
    }

    [Fact]
    public async Task TheFrontDoorSaysSoInOneLineAndExitsTwoBeforeAnyEngineCall()
    {
        upstream.Commit("release", ("CMakeLists.txt", "project(Realm)\n"), ("VERSION", "$Format:%(describe:tags,match=v*)$\n"));
        var output = new System.Text.StringBuilder();
        var env = new Dictionary<string, string> { ["DOCKER_HOST"] = "unix:///tmp/realm-ci-no-engine.sock" }; // never reached
        var code = await Processes.RunAsync(Path.Combine(EngineFixture.Root, "build.sh"),
            ["--target=Test", $"--realm-source={upstream.Work}", $"--artifacts={Path.Combine(upstream.Root, "artifacts")}"], env,
            line => { lock (output) output.AppendLine(line.Text); }, CancellationToken.None, EngineFixture.Root);

        Assert.True(code == ExitCodes.InvalidInput, output.ToString());
        var error = Assert.Single(output.ToString().Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains($"Fix: git -C {upstream.Work} fetch --tags (", error);
        Assert.DoesNotContain("   at ", output.ToString());
        Assert.DoesNotContain("engine", output.ToString());
    }

    [Fact]
    public async Task ALegionTreeExactlyOnItsTagIsRefusedAndOneCommitPastItIsNot()
    {
        var july = "string(REGEX REPLACE \"legion-([0-9\\.]+)-.*\" \"\\\\1\" Realm_SHORT_VERSION \"${REALM_GIT_VERSION}\")\n";
        upstream.Commit("legion", ("CMakeLists.txt", "project(Legion)\n"), ("realm/CMakeLists.txt", "project(Realm)\n" + july));
        upstream.Git("tag", "legion-25.06.0");

        var e = await Assert.ThrowsAsync<RealmCiException>(() => Resolve(upstream.Work));
        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
        Assert.Contains("HEAD is exactly on tag legion-25.06.0, and realm/CMakeLists.txt:2 ", e.Message);

        upstream.Commit("one past");
        Assert.Equal("realm", (await Resolve(upstream.Work)).Subdir);
    }
}
