using RealmCi.Results;
using System.Collections.Immutable;
using RealmCi.Ci;
using RealmCi.CMake;
using RealmCi.Execution;
using RealmCi.Matrix;

namespace RealmCi.Tests.Ci;

public class MarkingUpCiLogs
{
    private sealed class Recorder(TextWriter output) : IRunObserver
    {
        public Task<T> Around<T>(Func<Task<T>> run) => run();
        public void Log(string line) => output.WriteLine("log " + line);
        public void Detail(ImageLine line) { }
        public void Queued(IReadOnlyList<BuildConfiguration> configurations) { }
        public void StepStarted(string id, StepKind step, string command) => output.WriteLine($"{id} {step}");
        public void Progress(string id, int done, int total) { }
        public void Finished(ConfigurationResult result) => output.WriteLine($"{result.Id} {result.Status}");
        public void Summary(IReadOnlyList<ConfigurationResult> results, int selected) => output.WriteLine("summary");
    }

    private static ConfigurationResult Result(string id, ConfigurationStatus status, params TestCaseResult[] tests) =>
        new(id, status, [], tests, null, ExecutorKind.Docker, DateTimeOffset.UnixEpoch, 1, "artifacts/" + id, $"./build.sh --target=Test --config={id}");

    private static string Run(CiPlatform platform)
    {
        var output = new StringWriter { NewLine = "\n" };
        var observer = new CiLogObserver(new Recorder(output), platform, output, () => DateTimeOffset.FromUnixTimeSeconds(1700000000));
        observer.StepStarted("a", StepKind.Configure, "");
        observer.StepStarted("a", StepKind.Build, "");
        observer.Finished(Result("a", ConfigurationStatus.Passed));
        observer.StepStarted("b", StepKind.Test, "");
        observer.Finished(Result("b", ConfigurationStatus.Failed, new TestCaseResult("unit.broken", TestStatus.Failed, 0.1)));
        observer.Summary([], 2);
        return output.ToString();
    }

    [Fact]
    public void UnderGithubEachConfigurationIsAGroupAndFailuresAreAnnotated() =>
        Assert.Equal(
            "::group::a\na Configure\na Build\na Passed\n::endgroup::\n"
            + "::group::b\nb Test\nb Failed\n::endgroup::\n"
            + "::error title=b%3A test unit.broken failed::b: test unit.broken failed. Reproduce: ./build.sh --target=Test --config=b\n"
            + "::error title=b failed::b: test unit.broken. Reproduce: ./build.sh --target=Test --config=b\n"
            + "summary\n",
            Run(CiPlatform.Github));

    [Fact]
    public void UnderGitlabEachConfigurationIsACollapsedSection()
    {
        var text = Run(CiPlatform.Gitlab);
        Assert.StartsWith("\u001b[0Ksection_start:1700000000:realm-ci_a[collapsed=true]\r\u001b[0Ka\na Configure\n", text);
        Assert.Contains("a Passed\n\u001b[0Ksection_end:1700000000:realm-ci_a\r\u001b[0K\n", text);
        Assert.DoesNotContain("::error", text);
    }

    [Fact]
    public void OutsideCiTheObserverIsUnchanged()
    {
        var inner = new Recorder(TextWriter.Null);
        Assert.Same(inner, CiLogObserver.Wrap(inner, _ => null, TextWriter.Null));
        Assert.IsType<CiLogObserver>(CiLogObserver.Wrap(inner, v => v == "GITLAB_CI" ? "true" : null, TextWriter.Null));
    }
}
