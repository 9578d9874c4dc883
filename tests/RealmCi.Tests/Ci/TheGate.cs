using RealmCi.Ci;

namespace RealmCi.Tests.Ci;

/// <summary>The GitLab gate's script, run by a real bash in a folder of status files.</summary>
public class TheGate : InTempFolder
{
    private (int Code, string Output) Gate(params string[] jobs)
    {
        var script = Path.Combine(dir, "gate.sh");
        File.WriteAllText(script, GitlabPipeline.GateScript(jobs));
        var start = new System.Diagnostics.ProcessStartInfo("bash", [script]) { WorkingDirectory = dir, RedirectStandardOutput = true };
        using var bash = System.Diagnostics.Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();
        return (bash.ExitCode, output);
    }

    private void Status(string job, string text)
    {
        Directory.CreateDirectory(Path.Combine(dir, JobCommand.Status));
        File.WriteAllText(Path.Combine(dir, JobCommand.Status, job), text);
    }

    [Fact]
    public void PassesWhenEveryJobLeftPassed()
    {
        Status("a", "passed\n");
        Status("b", "passed\n");
        var (code, output) = Gate("a", "b");
        Assert.Equal(0, code);
        Assert.Contains("all 2 job(s) passed", output);
    }

    [Fact]
    public void FailsWhenAJobLeftNoStatusAsASkippedOrCancelledJobDoes()
    {
        Status("a", "passed\n");
        var (code, output) = Gate("a", "b");
        Assert.Equal(1, code);
        Assert.Contains("realm-ci gate: b did not pass", output);
    }

    [Fact]
    public void FailsWhenAStatusSaysAnythingButPassed()
    {
        Status("a", "failed\n");
        Assert.Equal(1, Gate("a").Code);
    }
}
