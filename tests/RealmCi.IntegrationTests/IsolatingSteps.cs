using System.Xml.Linq;
using RealmCi.Containers;
using RealmCi.Execution;
using RealmCi.Matrix;

namespace RealmCi.IntegrationTests;

/// <summary>
/// What a step can do inside its container, checked from inside by the fixture's own ctest
/// tests (label <c>isolation</c>, built only with FIXTURE_ISOLATION_CHECKS=ON) while the
/// pipeline runs the configuration as it always does — and, from outside, by the engine's
/// record of the containers it created and the owner of the files they left.
/// </summary>
[Collection("engine")]
public class IsolatingSteps(EngineFixture fx)
{
    private const int Uid = 4321; // not root: as root the ownership check could not fail
    private static readonly string[] Steps = ["configure", "build", "test", "install"];
    private static readonly string[] Checks = ["isolation.read_only_source", "isolation.no_network", "isolation.invoking_user"];

    [Fact]
    public async Task InsideItsContainerAStepCannotWriteTheSourceHasNoNetworkAndCreatesFilesAsTheInvokingUser()
    {
        var options = fx.Options("isolation") with { User = $"{Uid}:{Uid}", Force = true, Jobs = 1 };
        options = options with { Cache = Path.Combine(options.Artifacts, "cache") };
        var folder = Path.Combine(options.Artifacts, "release-local");
        // The folders a developer's run writes to are theirs; the test runs as root, so it opens them to that uid.
        foreach (var dir in new[] { options.Artifacts, folder, options.Cache, Path.Combine(options.Cache, "ccache") })
        {
            Directory.CreateDirectory(dir);
            File.SetUnixFileMode(dir, (UnixFileMode)0x1FF);
        }
        var checks = Facets.Empty with
        {
            Cmake = Facets.Empty.Cmake.Add("FIXTURE_ISOLATION_CHECKS", "ON").Add("FIXTURE_EXPECT_UID", $"{Uid}"),
            Test = TestFacet.Empty with { Labels = ["isolation"] },
        };
        var selection = Selector.Select(fx.Matrix, new SelectionOptions { Configs = ["release-local"], CommandLine = checks });

        using var events = ContainerEvents.Watch();
        var code = await Pipeline.RunAsync(selection, options, () => fx.Engine, new SilentObserver(), CancellationToken.None);

        var testLog = Path.Combine(folder, "test.log");
        Assert.True(code == 0, $"exit {code}\n" + (File.Exists(testLog) ? File.ReadAllText(testLog) : "(no test.log)"));

        // (a), (b), (c) from inside: the fixture's isolation tests ran in the test step's container and passed.
        var cases = XDocument.Load(Path.Combine(folder, "junit.xml")).Descendants("testcase").ToDictionary(t => (string)t.Attribute("name")!);
        foreach (var check in Checks)
        {
            Assert.True(cases.TryGetValue(check, out var testcase), $"{check} did not run; ran: {string.Join(", ", cases.Keys)}");
            Assert.False(testcase.Elements().Any(e => e.Name == "failure" || e.Name == "error" || e.Name == "skipped"), testcase.ToString());
        }
        Assert.Contains("Read-only file system", (string?)cases["isolation.read_only_source"].Element("system-out"));
        Assert.Contains("interfaces: lo;", (string?)cases["isolation.no_network"].Element("system-out"));

        // (c) from outside: the probe and every file of the build and install trees belong to the uid the run was given.
        var build = Path.Combine(folder, "build");
        Assert.Equal($"{Uid}:{Uid}", (await HostCommand.RunAsync("stat", "-c", "%u:%g", Path.Combine(build, "isolation", "owner.probe"))).Output.Trim());
        var (_, files) = await HostCommand.RunAsync("find", build, Path.Combine(folder, "install"), "-printf", "%U %p\n");
        var owners = files.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(owners.Length > 20, files);
        Assert.All(owners, line => Assert.StartsWith($"{Uid} ", line));

        // Every step ran in a container the engine created with the run's labels, and destroyed.
        var ids = Steps.ToDictionary(s => s, s => File.ReadAllText(Path.Combine(build, "isolation", $"{s}.container")).Trim());
        Assert.All(ids.Values, id => Assert.Matches("^[0-9a-f]{64}$", id));
        Assert.Equal(Steps.Length, ids.Values.Distinct().Count());
        var seen = await events.UntilAsync(e => ids.Values.All(id => e.Any(x => x.Id == id && x.Action == "destroy")), TimeSpan.FromSeconds(15));
        foreach (var (step, id) in ids)
        {
            var created = Assert.Single(seen, e => e.Id == id && e.Action == "create");
            Assert.Equal(options.RunId, created.Attributes.GetValueOrDefault(Labels.Run));
            Assert.Equal("release-local", created.Attributes.GetValueOrDefault(Labels.Configuration));
            Assert.Equal(step, created.Attributes.GetValueOrDefault(Labels.Step));
            Assert.Contains(seen, e => e.Id == id && e.Action == "destroy");
        }
        // Whatever else the run created carried its label and is gone too.
        var ofRun = seen.Where(e => e.Action == "create" && e.Attributes.GetValueOrDefault(Labels.Run) == options.RunId).Select(e => e.Id).ToList();
        Assert.All(ofRun, id => Assert.Contains(seen, e => e.Id == id && e.Action == "destroy"));
        Assert.Empty(await fx.Leftovers(options.RunId));
    }
}
