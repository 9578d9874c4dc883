using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace RealmCi.IntegrationTests;

/// <summary>
/// --abi-baseline end to end, through ./build.sh with the real engine, abi-dumper and
/// abi-compliance-checker in the fixture's image: a fixture history whose last commit removes the
/// exported function realm::sum. Against the commit before it the verdict is incompatible and
/// names the function; against itself it is compatible; the second run's baseline comes from the
/// result cache and still gives its dump; the user's repository is left as it was.
/// </summary>
[Collection("engine")]
public class CheckingTheAbi(EngineFixture fx)
{
    private async Task<(int Code, string Output)> BuildSh(string repo, string cache, string artifacts, string baseline)
    {
        var output = new StringBuilder();
        var code = await Processes.RunAsync(Path.Combine(EngineFixture.Root, "build.sh"),
            ["--target=Build", $"--matrix={Path.Combine(EngineFixture.FixtureSource, "matrix.yaml")}", $"--realm-source={repo}",
             "--config=debug-local", "--pull=never", $"--artifacts={artifacts}", $"--abi-baseline={baseline}"],
            new Dictionary<string, string> { ["XDG_CACHE_HOME"] = cache }, line => { lock (output) output.AppendLine(line.Text); }, CancellationToken.None, EngineFixture.Root);
        return (code, output.ToString());
    }

    [Fact]
    public async Task ARemovedExportedFunctionIsNamedInTheVerdictAndTheSameCommitIsCompatible()
    {
        var repo = Path.Combine(fx.Work, "abi-history");
        Assert.Equal(0, await Run("bash", Path.Combine(EngineFixture.Root, "tests", "fixtures", "mini-realm-history.sh"), repo, "1", "99", "99"));
        RemoveSum(repo);
        Assert.Equal(0, await Run("git", "-C", repo, "commit", "--quiet", "-am", "remove realm::sum"));
        var cache = Path.Combine(fx.Work, "abi-cache");

        var artifacts = Path.Combine(fx.Work, "abi-1");
        var (code, output) = await BuildSh(repo, cache, artifacts, "HEAD~1");
        Assert.True(code == 1, output);
        Assert.Contains("incompatible with HEAD~1", output);
        Assert.Contains("1 removed: realm::sum(int const*, int)", output);
        var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(artifacts, "debug-local", "result.json"))).RootElement.GetProperty("abi");
        Assert.Equal("incompatible", result.GetProperty("verdict").GetString());
        Assert.Equal(["realm::sum(int const*, int)"], result.GetProperty("removed").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("_ZN5realm3sumEPKii", File.ReadAllText(Path.Combine(artifacts, "debug-local", "abi-report.html"))); // the HTML lists it under "Removed Symbols"
        Assert.True(File.Exists(Path.Combine(artifacts, "abi-baseline", "artifacts", "debug-local", "abi.dump")));
        Assert.Contains("-DBUILD_SHARED_LIBS=ON", File.ReadAllText(Path.Combine(artifacts, "debug-local", "configure.log")));

        // Against itself: compatible, exit 0; the baseline (HEAD, built before as the run under test
        // but with another baseline in its key) builds; a second identical run takes both from the cache.
        var same = Path.Combine(fx.Work, "abi-2");
        var (sameCode, sameOutput) = await BuildSh(repo, cache, same, "HEAD");
        Assert.True(sameCode == 0, sameOutput);
        Assert.Contains("ABI debug-local: compatible with HEAD", sameOutput);
        var again = Path.Combine(fx.Work, "abi-3");
        var (againCode, againOutput) = await BuildSh(repo, cache, again, "HEAD");
        Assert.True(againCode == 0, againOutput);
        Assert.Contains("ABI debug-local: compatible with HEAD", againOutput);
        Assert.Contains("cached", againOutput);
        Assert.True(File.Exists(Path.Combine(again, "abi-baseline", "artifacts", "debug-local", "abi.dump")), againOutput);
        Assert.Equal("compatible", JsonDocument.Parse(File.ReadAllText(Path.Combine(again, "debug-local", "result.json"))).RootElement.GetProperty("abi").GetProperty("verdict").GetString());

        Assert.Equal("", await Capture("git", "-C", repo, "status", "--porcelain"));
    }

    /// <summary>Deletes realm::sum (definition and declaration) from the fixture's library.</summary>
    private static void RemoveSum(string repo)
    {
        var source = Path.Combine(repo, "src", "realm.cc");
        var lines = File.ReadAllLines(source).ToList();
        var start = lines.FindIndex(l => l.StartsWith("int sum(", StringComparison.Ordinal));
        var end = lines.FindIndex(start, l => l == "}");
        Assert.True(start >= 0 && end > start);
        lines.RemoveRange(start, end - start + 1);
        File.WriteAllLines(source, lines);
        var header = Path.Combine(repo, "include", "realm", "realm.h");
        File.WriteAllLines(header, File.ReadAllLines(header).Where(l => !l.Contains("int sum(", StringComparison.Ordinal)));
    }

    private static async Task<int> Run(string file, params string[] args)
    {
        using var p = Process.Start(file, args);
        await p.WaitForExitAsync();
        return p.ExitCode;
    }

    private static async Task<string> Capture(string file, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true })!;
        var text = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        return text.Trim();
    }
}
