using System.Text.Json;
using System.Text.RegularExpressions;

namespace RealmCi.IntegrationTests;

/// <summary>
/// build.sh and build.ps1 are one front door: the same standard output byte for byte, the same
/// exit codes, messages only on standard error — also on the run that rebuilds the program.
/// </summary>
[Collection("engine")]
public class TheTwoBootstraps
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);
    /// <summary>
    /// A copy of the checkout's front door (bootstraps, build program, library, matrix), times kept
    /// so its stamp stays valid: the tests that make a bootstrap rebuild write the copy's stamp and
    /// build output, never the checkout's.
    /// </summary>
    private static readonly Lazy<FrontDoorProcess.Checkout> Copy = new(() =>
    {
        var root = TemporaryFolders.ForThisRun("realm-ci-front-door");
        string[] parts = ["build", "src", "matrix", "build.sh", "build.ps1", "cake.config", "global.json", "Directory.Build.props", "Directory.Packages.props"];
        var cp = System.Diagnostics.Process.Start("cp", ["-a", .. parts.Select(p => Path.Combine(EngineFixture.Root, p)), root])!;
        cp.WaitForExit();
        Assert.Equal(0, cp.ExitCode);
        return FrontDoorProcess.In(root);
    });

    private static FrontDoorProcess.Checkout ForceRebuild()
    {
        File.WriteAllText(Path.Combine(Copy.Value.Root, "build", "bin", "front-door", ".inputs"), "stale");
        File.WriteAllText(Path.Combine(Copy.Value.Root, "build", "bin", "front-door", ".inputs.sha256"), "stale"); // else the same contents keep the program
        return Copy.Value;
    }

    [Theory]
    [InlineData("--target=Matrix", "--format=json")]
    [InlineData("--target=Matrix", "--profile=pr")]
    [InlineData("--help")]
    public void BothWriteTheSameStandardOutput(params string[] args)
    {
        using var sh = Copy.Value.BuildSh(args);
        var bash = sh.Wait(Patience);
        using var ps = Copy.Value.BuildPs1(args);
        var pwsh = ps.Wait(Patience);
        Assert.True(bash.Code == 0, bash.Err);
        Assert.True(pwsh.Code == 0, pwsh.Err);
        Assert.NotEqual("", bash.Out);
        Assert.Equal(bash.Out, pwsh.Out);
    }

    [Fact]
    public void BothGiveTheSameExitCodeAndErrorForBadOptions()
    {
        using var sh = Copy.Value.BuildSh("--target=Matrix", "--jobs=abc", "--pull=sometimes");
        var bash = sh.Wait(Patience);
        using var ps = Copy.Value.BuildPs1("--target=Matrix", "--jobs=abc", "--pull=sometimes");
        var pwsh = ps.Wait(Patience);
        Assert.Equal(2, bash.Code);
        Assert.Equal(2, pwsh.Code);
        Assert.Equal("", bash.Out);
        Assert.Equal("", pwsh.Out);
        Assert.Equal(bash.Err, pwsh.Err);
    }

    [Fact]
    public void JsonIsTheOnlyStandardOutputEvenWhenBuildPs1RebuildsTheProgram()
    {
        using var ps = ForceRebuild().BuildPs1("--target=Matrix", "--format=json");
        var (code, output, error) = ps.Wait(Patience);
        Assert.True(code == 0, error);
        Assert.Contains("build.ps1: building the build program...", error);
        Assert.True(JsonDocument.Parse(output).RootElement.GetArrayLength() > 0);
    }

    [Fact]
    public void JsonIsTheOnlyStandardOutputEvenWhenBuildShRebuildsTheProgram()
    {
        using var sh = ForceRebuild().BuildSh("--target=Matrix", "--format=json");
        var (code, output, error) = sh.Wait(Patience);
        Assert.True(code == 0, error);
        Assert.Contains("build.sh: building the build program...", error);
        Assert.True(JsonDocument.Parse(output).RootElement.GetArrayLength() > 0);
    }

    [Fact]
    public void EachBootstrapAcceptsTheStampTheOtherWrote()
    {
        var copy = ForceRebuild();
        using (var sh = copy.BuildSh("--target=Matrix")) Assert.Contains("building the build program", sh.Wait(Patience).Err);
        using (var ps = copy.BuildPs1("--target=Matrix")) Assert.DoesNotContain("building", ps.Wait(Patience).Err);
        ForceRebuild();
        using (var ps = copy.BuildPs1("--target=Matrix")) Assert.Contains("building the build program", ps.Wait(Patience).Err);
        using (var sh = copy.BuildSh("--target=Matrix")) Assert.DoesNotContain("building", sh.Wait(Patience).Err);
    }

    [Theory]
    [InlineData("sh", "sh")]
    [InlineData("sh", "ps1")]
    [InlineData("ps1", "sh")]
    public void TwoFrontDoorsStartedTogetherBuildTheProgramOnceAndBothRun(string first, string second)
    {
        // Two CI jobs in one checkout, or two terminals: without a lock both publish into the same
        // obj/ and one fails ("being used by another process", or a file "not found").
        var copy = ForceRebuild();
        FrontDoorProcess Start(string which) => which == "sh" ? copy.BuildSh("--target=Matrix", "--format=json") : copy.BuildPs1("--target=Matrix", "--format=json");
        using var a = Start(first);
        using var b = Start(second);
        var results = new[] { a.Wait(Patience), b.Wait(Patience) };
        foreach (var (code, output, error) in results)
        {
            Assert.True(code == 0, error);
            Assert.True(JsonDocument.Parse(output).RootElement.GetArrayLength() > 0, output);
        }
        Assert.Single(results, r => Regex.IsMatch(r.Err, @"^build\.(sh|ps1): building the build program\.\.\.$", RegexOptions.Multiline));
        // (The other usually says it waits; not asserted: a slow PowerShell start may come after the build.)
    }
}
