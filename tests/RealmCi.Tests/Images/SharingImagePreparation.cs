using RealmCi.Images;
using RealmCi.Matrix;
using RealmCi.Tests.Execution;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Images;

public sealed class SharingImagePreparation
{
    private const string Text = """
        bases:
          deb: { image: debian:bookworm }
          deb-nonfree:
            image: debian:bookworm
            bootstrap: { suite: bookworm, mirror: "http://m", variant: minbase, components: [main, non-free] }
          deb-main:
            image: debian:bookworm
            bootstrap: { suite: bookworm, mirror: "http://m", variant: minbase, components: [main] }
        defaults: { base: deb, packages: [cmake] }
        axes:
          os:
            values:
              plain: {}
              nonfree: { base: deb-nonfree }
              main: { base: deb-main }
          build: { values: { release: {}, debug: {} } }

        """;

    private static BuildConfiguration Config(string id) => Selector.Select(Yaml.Open(Text), new SelectionOptions { Configs = [id] }).Configurations[0];

    private static FakeEngine Engine(bool gated = false)
    {
        var engine = new FakeEngine();
        engine.Images["debian:bookworm"] = "sha256:registry-bookworm";
        if (gated) engine.BuildGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return engine;
    }

    [Fact]
    public async Task EveryWaiterGetsTheWholeOutputEvenWhenItJoinsLate()
    {
        var engine = Engine(gated: true);
        var images = new ImagePreparer(engine, allowPull: false);
        var first = new List<ImageLine>();
        var late = new List<ImageLine>();
        // The background prefetch starts it, with no log; two configurations of the same recipe join.
        var prefetch = images.PrepareAsync(Config("plain-release"), _ => { }, CancellationToken.None);
        var a = images.PrepareAsync(Config("plain-release"), l => { lock (first) first.Add(l); }, TimeSpan.FromMinutes(1), CancellationToken.None);
        await WaitFor(() => { lock (first) return first.Any(l => l.Text.StartsWith("Step 1/3")); });
        var b = images.PrepareAsync(Config("plain-debug"), l => { lock (late) late.Add(l); }, TimeSpan.FromMinutes(1), CancellationToken.None);
        engine.BuildGate.SetResult();
        await Task.WhenAll(prefetch, a, b);
        Assert.Equal(1, engine.Builds);
        Assert.Contains(first, l => l.Text.StartsWith("Step 3/3"));
        Assert.Equal(first, late); // replayed from the start, then live
    }

    [Fact]
    public async Task AWaiterThatTimesOutLeavesAndTheOthersStillGetTheImage()
    {
        var engine = Engine(gated: true);
        var images = new ImagePreparer(engine, allowPull: false);
        var patient = images.PrepareAsync(Config("plain-release"), _ => { }, CancellationToken.None);
        var hasty = images.PrepareAsync(Config("plain-debug"), _ => { }, TimeSpan.FromMilliseconds(100), CancellationToken.None);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hasty); // its own limit, although the prefetch started it
        engine.BuildGate.SetResult();
        Assert.StartsWith("realm-ci/deb:", (await patient).Tag);
    }

    [Fact]
    public async Task WhenNobodyWaitsAnyMoreThePreparationStopsAndTheNextCallerStartsAfresh()
    {
        var engine = Engine(gated: true);
        var images = new ImagePreparer(engine, allowPull: false);
        using var stop = new CancellationTokenSource();
        var only = images.PrepareAsync(Config("plain-release"), _ => { }, stop.Token);
        await WaitFor(() => engine.Builds == 1);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => only);
        engine.BuildGate = new TaskCompletionSource();
        engine.BuildGate.SetResult();
        await images.PrepareAsync(Config("plain-release"), _ => { }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, engine.Builds);
    }

    [Fact]
    public async Task AStalledPreparationStopsAtItsOwnLimit()
    {
        var engine = Engine(gated: true); // the gate never opens: a stalled pull or build
        var images = new ImagePreparer(engine, allowPull: false, preparationLimit: TimeSpan.FromMilliseconds(200));
        var waiting = images.PrepareAsync(Config("plain-release"), _ => { }, CancellationToken.None); // a waiter with no limit of its own
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task TwoBasesSharingAnImageNameButNotTheirComponentsGetDifferentImages()
    {
        var engine = Engine();
        var bootstrapper = new FakeBootstrapper(engine);
        var images = new ImagePreparer(engine, allowPull: false, bootstrapper: bootstrapper);
        var main = await images.PrepareAsync(Config("main-release"), _ => { }, CancellationToken.None);
        var nonfree = await images.PrepareAsync(Config("nonfree-release"), _ => { }, CancellationToken.None);
        Assert.Equal("debian:bookworm", main.Base); // the engine's bookworm holds main: it stands for this base
        Assert.StartsWith("realm-ci/base-deb-nonfree:", nonfree.Base); // not for this one, whatever the engine has
        Assert.Equal(["main,non-free"], bootstrapper.Made.Select(b => string.Join(",", b.Components)));
        Assert.NotEqual(main.Tag[(main.Tag.IndexOf(':') + 1)..], nonfree.Tag[(nonfree.Tag.IndexOf(':') + 1)..]);
    }

    [Fact]
    public void ABootstrappedBasesTagIsAHashOfItsWholeRecipe()
    {
        var a = Config("main-release").Base;
        Assert.Matches("^realm-ci/base-deb-main:[0-9a-f]{12}$", BaseIdentity.BootstrapTag(a));
        Assert.NotEqual(BaseIdentity.BootstrapTag(a), BaseIdentity.BootstrapTag(a with { Image = "debian:trixie" }));
        Assert.NotEqual(BaseIdentity.BootstrapTag(a), BaseIdentity.BootstrapTag(a with { Bootstrap = a.Bootstrap! with { Mirror = "http://other" } }));
        Assert.Equal(BaseIdentity.BootstrapTag(a), BaseIdentity.BootstrapTag(Config("main-debug").Base));
    }

    private sealed class FakeBootstrapper(FakeEngine engine) : IBaseBootstrapper
    {
        public List<Bootstrap> Made { get; } = [];

        public Task BootstrapAsync(Bootstrap bootstrap, string tag, Action<ImageLine> log, CancellationToken cancellation)
        {
            Made.Add(bootstrap);
            engine.Images[tag] = "sha256:boot-" + string.Join("-", bootstrap.Components);
            return Task.CompletedTask;
        }
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }

    [Fact]
    public async Task TwoRunsOnOneHostBuildAnImageOnceTheSecondWaitsForTheFirst()
    {
        var locks = Directory.CreateTempSubdirectory("realm-ci-locks-").FullName;
        try
        {
            var engine = Engine(gated: true); // one engine, two runs (separate preparers, as separate processes have)
            var first = new ImagePreparer(engine, allowPull: false, lockFolder: locks);
            var second = new ImagePreparer(engine, allowPull: false, lockFolder: locks);
            var a = first.PrepareAsync(Config("plain-release"), _ => { }, CancellationToken.None);
            await WaitFor(() => engine.Builds == 1);
            var lines = new List<ImageLine>();
            var b = second.PrepareAsync(Config("plain-debug"), l => { lock (lines) lines.Add(l); }, CancellationToken.None);
            await WaitFor(() => { lock (lines) return lines.Any(l => l.Text.StartsWith("waiting: another realm-ci run on this host is building image realm-ci/deb:", StringComparison.Ordinal)); });
            engine.BuildGate.SetResult();
            var (built, reused) = (await a, await b);
            Assert.Equal(1, engine.Builds);
            Assert.Equal(built.Tag, reused.Tag);
            Assert.True(built.Built);
            Assert.False(reused.Built);
            Assert.Contains(reused.Log, l => l.EndsWith("was built meanwhile by another realm-ci run on this host", StringComparison.Ordinal));
            // Both are headlines: a run that waits says so, and says when the wait is over.
            lock (lines) Assert.Equal([ImageLineKind.Headline, ImageLineKind.Headline], lines.Select(l => l.Kind));
        }
        finally
        {
            Directory.Delete(locks, recursive: true);
        }
    }
}
