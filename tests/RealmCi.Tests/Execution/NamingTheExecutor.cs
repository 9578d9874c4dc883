using RealmCi.CMake;
using RealmCi.Packs;
using RealmCi.Reporting;
using RealmCi.Results;

namespace RealmCi.Tests.Execution;

/// <summary>The executor is a type in the code and keeps its lower-case names in every file and on the command line.</summary>
public sealed class NamingTheExecutor : InTempFolder
{
    [Theory]
    [InlineData(ExecutorKind.Docker, "docker")]
    [InlineData(ExecutorKind.Host, "host")]
    public void ResultJsonWritesTheLowerCaseNameAndReadsItBack(ExecutorKind kind, string name)
    {
        var path = Path.Combine(dir, "result.json");
        ResultJson.Write(path, new ConfigurationResult("local", ConfigurationStatus.Passed,
            [new StepResult(StepKind.Build, StepStatus.Passed, 0, 1, "cmake --build", null)], [], null, kind, DateTimeOffset.UtcNow, 1, dir, "./build.sh"));
        Assert.Contains($"\"executor\": \"{name}\"", File.ReadAllText(path));
        Assert.Equal(kind, ResultJson.Read(path)!.Executor);
    }

    [Fact]
    public void APackManifestKeepsTheNameItHadAsAString()
    {
        var manifest = new PackManifest
        {
            ConfigurationId = "local", ConfigurationHash = "c", RecipeHash = "r", SourceFingerprint = "files:s",
            RealmCiVersion = "v", Executor = ExecutorKind.Host, Layout = new("/src", "/work", "/work/build"),
        };
        var json = PackJson.Serialize(manifest);
        Assert.Contains("\"executor\": \"host\"", json);
        Assert.Equal(ExecutorKind.Host, PackJson.Read(json)!.Executor);
        Assert.Equal(ExecutorKind.Docker, PackJson.Read(json.Replace("\"host\"", "\"docker\""))!.Executor); // a pack written before the type
    }

    [Fact]
    public void EveryKindHasOneNameThatParsesBack()
    {
        Assert.Equal(["auto", "docker", "host"], Enum.GetValues<ExecutorKind>().Select(k => k.Name()));
        foreach (var kind in Enum.GetValues<ExecutorKind>()) Assert.Equal(kind, ExecutorKinds.ByName[kind.Name()]);
    }

    [Fact]
    public void ANotStartedConfigurationNamesTheRunsExecutor() =>
        Assert.Equal(ExecutorKind.Host, ConfigurationResult.NotStarted("local", "fail-fast", dir, "./build.sh", ExecutorKind.Host).Executor);
}
