using RealmCi.Errors;
using RealmCi.Images;
using RealmCi.Matrix;
using RealmCi.Tests.Execution;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Images;

/// <summary>Each producer of image-preparation lines says which kind each is: its steps headlines, routine steps notes, the engine's lines output.</summary>
public sealed class SayingWhatEachImageLineIs
{
    private const string Text = """
        bases:
          deb: { image: debian:bookworm }
          deb-nonfree:
            image: debian:bookworm
            bootstrap: { suite: bookworm, mirror: "http://m", variant: minbase, components: [main, non-free] }
        defaults: { base: deb, packages: [cmake] }
        axes:
          os: { values: { plain: {}, nonfree: { base: deb-nonfree } } }

        """;

    private static BuildConfiguration Config(string id) => Selector.Select(Yaml.Open(Text), new SelectionOptions { Configs = [id] }).Configurations[0];

    private static async Task<List<ImageLine>> Prepare(FakeEngine engine, string id, bool allowPull = false, IBaseBootstrapper? bootstrapper = null)
    {
        var lines = new List<ImageLine>();
        await new ImagePreparer(engine, allowPull, bootstrapper: bootstrapper).PrepareAsync(Config(id), l => { lock (lines) lines.Add(l); }, CancellationToken.None);
        return lines;
    }

    private static List<(ImageLineKind, string)> Kinds(List<ImageLine> lines) => [.. lines.Select(l => (l.Kind, l.Text.Split(' ')[0]))];

    [Fact]
    public async Task BuildingAndBuiltAreHeadlinesTheEnginesBuildLinesAreOutput()
    {
        var engine = new FakeEngine();
        engine.Images["debian:bookworm"] = "sha256:bookworm";
        var lines = await Prepare(engine, "plain");
        Assert.Equal([(ImageLineKind.Headline, "building"), (ImageLineKind.Output, "Step"), (ImageLineKind.Output, "Step"), (ImageLineKind.Headline, "image")], Kinds(lines));
        Assert.StartsWith("building image realm-ci/deb:", lines[0].Text);
        Assert.Equal("Step 3/3 : RUN apt-get install", lines[2].Text); // the engine's own line, as it said it
        Assert.Contains(" built in ", lines[3].Text);
    }

    [Fact]
    public async Task AnImageAlreadyThereIsANote()
    {
        var engine = new FakeEngine();
        engine.Images["debian:bookworm"] = "sha256:bookworm";
        await Prepare(engine, "plain");
        var again = Assert.Single(await Prepare(engine, "plain")); // a second run: nothing to do
        Assert.Equal(ImageLineKind.Note, again.Kind);
        Assert.EndsWith("is up to date (base debian:bookworm, local)", again.Text);
    }

    [Fact]
    public async Task APullIsAHeadlineAndWhatThePullSaysIsOutput()
    {
        var engine = new FakeEngine();
        engine.Registry["debian:bookworm"] = "sha256:pulled";
        var lines = await Prepare(engine, "plain", allowPull: true);
        Assert.Equal([(ImageLineKind.Headline, "pulling"), (ImageLineKind.Output, "debian:bookworm:"), (ImageLineKind.Output, "Status:"),
            (ImageLineKind.Headline, "building")], Kinds(lines)[..4]);
    }

    [Fact]
    public async Task AFailedPullIsAHeadline()
    {
        var engine = new FakeEngine(); // no registry: the pull fails, and the base has no bootstrap section
        var lines = new List<ImageLine>();
        await Assert.ThrowsAsync<RealmCiException>(() => new ImagePreparer(engine, allowPull: true).PrepareAsync(Config("plain"), lines.Add, CancellationToken.None));
        Assert.Equal([ImageLine.Headline("pulling debian:bookworm"), ImageLine.Headline("pull of debian:bookworm failed: no registry")], lines);
    }

    [Fact]
    public async Task WhyABaseIsMadeFromItsRecipeIsAHeadline()
    {
        var engine = new FakeEngine();
        engine.Images["debian:bookworm"] = "sha256:bookworm";
        var lines = await Prepare(engine, "nonfree", bootstrapper: new Bootstrapper(engine));
        Assert.Equal((ImageLineKind.Headline, "base"), Kinds(lines)[0]);
        Assert.StartsWith("base 'deb-nonfree' bootstraps more than 'debian:bookworm' holds", lines[0].Text);
        Assert.Equal((ImageLineKind.Headline, "building"), Kinds(lines)[1]);
    }

    private sealed class Bootstrapper(FakeEngine engine) : IBaseBootstrapper
    {
        public Task BootstrapAsync(Bootstrap bootstrap, string tag, Action<ImageLine> log, CancellationToken cancellation)
        {
            engine.Images[tag] = "sha256:boot";
            return Task.CompletedTask;
        }
    }
}
