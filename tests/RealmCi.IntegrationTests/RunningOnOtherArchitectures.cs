using System.Diagnostics;
using RealmCi.CMake;
using RealmCi.Execution;
using RealmCi.Matrix;
using RealmCi.Results;

namespace RealmCi.IntegrationTests;

/// <summary>
/// The arch axis on the real engine: the fixture cross-compiled with Debian's toolchains and its
/// tests run under qemu-user through CMAKE_CROSSCOMPILING_EMULATOR — with no binfmt registered,
/// so a test that reached a foreign binary without the emulator would fail, not pass unseen.
/// </summary>
[Collection("engine")]
public class RunningOnOtherArchitectures(EngineFixture fx)
{
    private async Task<(ConfigurationResult Result, string Folder)> Run(string id, string name, Facets? commandLine = null)
    {
        var options = fx.Options(name);
        var runner = new ConfigurationRunner(options, fx.Engine, new RealmCi.Images.ImagePreparer(fx.Engine, false), new SilentObserver());
        var result = await runner.RunAsync(fx.Config(id, commandLine), 2, CancellationToken.None);
        return (result, Path.Combine(options.Artifacts, id));
    }

    private static string File(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("file", ["-b", path]) { RedirectStandardOutput = true })!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }

    [Theory]
    [InlineData("ppc64le", "qemu-ppc64le", "64-bit PowerPC")]
    [InlineData("aarch64", "qemu-aarch64", "ARM aarch64")]
    public async Task TheFixtureBuildsForAnotherArchitectureAndItsTestsRunUnderTheEmulator(string arch, string qemu, string machine)
    {
        // No binfmt handler: the kernel cannot run the foreign binaries by itself (containers share the host's binfmt).
        Assert.False(System.IO.File.Exists($"/proc/sys/fs/binfmt_misc/{qemu}"), $"a binfmt handler {qemu} is registered: it would hide a test run without the emulator");

        var (r, folder) = await Run($"release-local-{arch}", $"arch-{arch}");

        Assert.True(r.Status == ConfigurationStatus.Passed, System.IO.File.ReadAllText(Path.Combine(folder, "test.log")));
        Assert.Equal(new TestCounts(4, 0, 1), r.Counts); // unit ×3 (one by $<TARGET_FILE:…>), integration ×1; the GPU test skipped
        Assert.Contains(machine, File(Path.Combine(folder, "build", "unit_tests")));
        Assert.Contains("ELF", File(Path.Combine(folder, "install", "lib", "librealm.a")) + File(Path.Combine(folder, "build", "integration_test")));
        var wrapped = System.IO.File.ReadAllText(Path.Combine(folder, "wrapped-tests", "CTestTestfile.cmake"));
        Assert.Contains($"add_test([=[unit.target_file]=] [=[{qemu}]=] [=[-L]=]", wrapped); // the one CMake left bare
        Assert.Contains($"under the emulator {qemu} -L", System.IO.File.ReadAllText(Path.Combine(folder, "reproduce.sh")));
    }

    [Fact]
    public async Task WithoutTheEmulatorTheForeignTestsFailInsteadOfPassingUnseen()
    {
        var none = Facets.Empty with { Cmake = Facets.Empty.Cmake.Add("CMAKE_CROSSCOMPILING_EMULATOR", "") };
        var (r, folder) = await Run("release-local-ppc64le", "arch-no-emulator", none);

        Assert.Equal(ConfigurationStatus.Failed, r.Status);
        Assert.Equal(4, r.Counts.Failed);
        // The kernel refuses the foreign ELF (ENOEXEC), and ctest's exec falls back to /bin/sh reading it as a script.
        Assert.Matches(@"Exec format error|/work/build/unit_tests: 1: .*not found", System.IO.File.ReadAllText(Path.Combine(folder, "test.log")));
    }
}
