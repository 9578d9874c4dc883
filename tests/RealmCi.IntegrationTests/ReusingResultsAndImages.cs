using System.Text.Json;
using System.Xml.Linq;
using RealmCi.Execution;
using RealmCi.Images;
using RealmCi.Matrix;

namespace RealmCi.IntegrationTests;

/// <summary>The result cache on a fresh runner, fail-fast over cached results, and image output reaching every waiter — with the real engine.</summary>
[Collection("engine")]
public class ReusingResultsAndImages(EngineFixture fx)
{
    private Selection Select(params string[] ids) => Selector.Select(fx.Matrix, new SelectionOptions { Configs = [.. ids] });

    [Fact]
    public async Task AFullyCachedRerunWithFailFastIntoAFreshArtifactsFolderStartsEveryConfigurationAndKeepsTheirFiles()
    {
        var cache = Path.Combine(fx.Work, "cache-fresh-runner"); // its own cache, so what is cached is what this test made
        var first = fx.Options("fresh-first") with { Cache = cache };
        var selection = Select("release-local", "debug-local");
        Assert.Equal(0, await Pipeline.RunAsync(selection, first, () => fx.Engine, new SilentObserver(), CancellationToken.None));

        // A new CI runner: the cache restored, the artifacts folder empty; fail-fast on.
        var again = fx.Options("fresh-again") with { Cache = cache, FailFast = true };
        var observer = new SilentObserver();
        Assert.Equal(0, await Pipeline.RunAsync(selection, again, () => fx.Engine, observer, CancellationToken.None));
        Assert.Contains("release-local Cached", observer.Lines);
        Assert.Contains("debug-local Cached", observer.Lines); // the cached first one is not a failure
        Assert.DoesNotContain("release-local Build", observer.Lines);

        foreach (var id in new[] { "release-local", "debug-local" })
        {
            var folder = Path.Combine(again.Artifacts, id);
            foreach (var file in new[] { "result.json", "junit.xml", "configure.log", "build.log", "test.log", "install.log", "image.log", "Dockerfile", "reproduce.sh" })
                Assert.True(File.Exists(Path.Combine(folder, file)), $"{id}/{file}");
            using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "result.json")));
            Assert.Equal("cached", result.RootElement.GetProperty("status").GetString());
            Assert.Equal(first.RunId, result.RootElement.GetProperty("cachedFrom").GetString());
            Assert.Equal(3, result.RootElement.GetProperty("tests").GetProperty("passed").GetInt32());
            Assert.Contains("$ cmake --build", File.ReadAllText(Path.Combine(folder, "build.log")));
        }
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(again.Artifacts, "summary.json")));
        Assert.Equal(2, summary.RootElement.GetProperty("selected").GetInt32());
        Assert.Equal(2, summary.RootElement.GetProperty("cached").GetInt32());
        // The merged JUnit has the cached configurations' test cases, not empty suites.
        var suites = XDocument.Load(Path.Combine(again.Artifacts, "junit.xml")).Root!.Elements("testsuite").ToList();
        Assert.Equal(["release-local", "debug-local"], suites.Select(s => (string)s.Attribute("name")!));
        Assert.All(suites, s => Assert.Contains(s.Elements("testcase"), t => (string)t.Attribute("name")! == "integration.gpu" && t.Element("skipped") is not null));
        Assert.All(suites, s => Assert.True(s.Elements("testcase").Count() >= 4));
    }

    [Fact]
    public async Task ImageOutputReachesAVerboseWaiterEvenWhenThePrefetchStartedIt()
    {
        // A recipe of its own (one extra RUN line), so the engine really builds it; the package layer comes from its build cache.
        var marker = $"realm-ci-it-{Guid.NewGuid():N}"[..24];
        var c = fx.Config("release-local");
        c = c with { Settings = c.Settings with { Run = [.. c.Settings.Run, $"echo {marker}"] } };
        var options = fx.Options("waiter");
        var images = new ImagePreparer(fx.Engine, allowPull: false);
        string? tag = null;
        try
        {
            using var stopPrefetch = new CancellationTokenSource();
            var prefetch = images.PrepareAsync(c, _ => { }, stopPrefetch.Token); // no log, its own token: it starts the preparation
            var observer = new SilentObserver();
            var r = await new ConfigurationRunner(options, fx.Engine, images, observer).RunAsync(c, 2, CancellationToken.None);
            tag = r.Image;
            await stopPrefetch.CancelAsync();
            try { await prefetch; } catch (OperationCanceledException) { }

            Assert.Equal(ConfigurationStatus.Passed, r.Status);
            List<ImageLine> details;
            lock (observer.Details) details = [.. observer.Details];
            // The engine's own lines (the RUN line and its echo) are output; realm-ci's steps are headlines.
            Assert.Contains(details, l => l.Text.Contains(marker));
            Assert.All(details.Where(l => l.Text.Contains(marker)), l => Assert.Equal(ImageLineKind.Output, l.Kind));
            Assert.Equal(ImageLineKind.Headline, Assert.Single(details, l => l.Text.StartsWith("building image ", StringComparison.Ordinal)).Kind);
            Assert.Equal(ImageLineKind.Headline, Assert.Single(details, l => l.Text.StartsWith($"image {tag} built in ", StringComparison.Ordinal)).Kind);
            var log = File.ReadAllText(Path.Combine(options.Artifacts, c.Id, "image.log"));
            Assert.Contains(marker, log);
            Assert.Contains($"image {tag} built in", log);
        }
        finally
        {
            if (tag is not null) await RealmCi.Processes.CaptureAsync("docker", ["rmi", "-f", tag], CancellationToken.None);
        }
    }
}
