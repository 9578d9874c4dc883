using RealmCi.Results;
using RealmCi.Execution;

namespace RealmCi.IntegrationTests;

public class TheHostExecutor
{
    [Fact]
    public async Task RunsTheSameStepsOnThisMachinesToolchain()
    {
        var matrix = RealmCi.Matrix.MatrixFile.Open(Path.Combine(EngineFixture.FixtureSource, "matrix.yaml"));
        var c = RealmCi.Matrix.Selector.Select(matrix, new() { Configs = ["release-local"] }).Configurations[0];
        var work = Directory.CreateTempSubdirectory("realm-ci-host-").FullName;
        try
        {
            var options = new PipelineOptions { Source = EngineFixture.FixtureSource, Artifacts = work, Cache = Path.Combine(work, "cache"), Executor = ExecutorKind.Host, GpuPresent = false, Host = EngineFixture.Host };
            var r = await new ConfigurationRunner(options, null, null, new SilentObserver()).RunAsync(c, 2, CancellationToken.None);
            Assert.Equal(ConfigurationStatus.Passed, r.Status);
            Assert.Equal(ExecutorKind.Host, r.Executor);
            Assert.Equal(["configure", "build", "test", "install"], r.Steps.Select(s => s.Name));
            Assert.Equal(3, r.Counts.Passed);
            Assert.True(File.Exists(Path.Combine(work, "release-local", "install", "lib", "librealm.a")));
        }
        finally { Directory.Delete(work, recursive: true); }
    }
}
