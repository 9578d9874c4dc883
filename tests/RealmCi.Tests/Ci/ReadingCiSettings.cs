using RealmCi.Ci;
using RealmCi.Errors;

namespace RealmCi.Tests.Ci;

public class ReadingCiSettings
{
    [Fact]
    public void NoFileMeansTheDefaults()
    {
        var settings = CiSettingsReader.LoadFile("/nonexistent/ci.yaml");
        Assert.Equal("self", settings.Repository);
        Assert.Equal([Trigger.Pr], settings.Triggers["pr"].ToArray());
        Assert.Equal([Trigger.Schedule], settings.Triggers["nightly"].ToArray());
        Assert.Equal([Trigger.Tag], settings.Triggers["release"].ToArray());
    }

    [Fact]
    public void RunnerRulesMatchAxisGlobsInOrderAndFallBackToTheDefault()
    {
        var settings = CiSettingsReader.Load("""
            ci:
              runners:
                default: { github: [ubuntu-24.04], gitlab: [docker] }
                rules:
                  - { name: nvidia, when: { gpu: "cuda*" }, github: [self-hosted, nvidia], gitlab: [nvidia] }
                  - { name: amd, when: { gpu: "hip*" }, github: [self-hosted, amd] }
            """, "ci.yaml");
        Assert.Equal("nvidia", RunnerChoice.For(settings, "x", new Dictionary<string, string> { ["gpu"] = "cuda12.9" }).Name);
        Assert.Equal("amd", RunnerChoice.For(settings, "x", new Dictionary<string, string> { ["gpu"] = "hip6" }).Name);
        Assert.Equal("default", RunnerChoice.For(settings, "x", new Dictionary<string, string> { ["gpu"] = "cpu" }).Name);
    }

    [Fact]
    public void AnUnknownKeyIsReportedWithItsPlaceAndTheClosestKey()
    {
        var e = Assert.Throws<RealmCiException>(() => CiSettingsReader.Load("ci:\n  trigers: { pr: [pr] }\n", "m/ci.yaml"));
        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
        Assert.StartsWith("m/ci.yaml:2:3: unknown key 'trigers' in ci", e.Message);
        Assert.Contains("triggers", e.Message);
    }

    [Fact]
    public void AnUnknownTriggerIsReported()
    {
        var e = Assert.Throws<RealmCiException>(() => CiSettingsReader.Load("ci:\n  triggers: { pr: [pull] }\n", "ci.yaml"));
        Assert.Contains("ci.yaml:2:20: unknown trigger 'pull' for profile pr", e.Message);
    }
}
