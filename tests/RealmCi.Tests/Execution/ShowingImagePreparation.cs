using RealmCi.Reporting;
using Spectre.Console;

namespace RealmCi.Tests.Execution;

/// <summary>The reporters show image-preparation lines by their kind, whatever their words.</summary>
public sealed class ShowingImagePreparation
{
    // Worded against the old prefix rule: a headline it hid ("waiting"), an output line it showed ("pull…").
    private static readonly ImageLine[] Lines =
    [
        ImageLine.Headline("waiting: another realm-ci run on this host is building image realm-ci/deb:1"),
        ImageLine.Output("pulling fs layer 3f4a"),
        ImageLine.Note("image realm-ci/deb:1 is up to date (base debian:bookworm, local)"),
        ImageLine.Headline("image realm-ci/deb:1 was built meanwhile by another realm-ci run on this host"),
    ];

    private static (IAnsiConsole Console, StringWriter Text) Console()
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 400;
        return (console, text);
    }

    private static string[] Shown(string output) => [.. Lines.Select(l => l.Text).Where(output.Contains)];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ThePlainReporterShowsHeadlinesAlwaysAndTheRestWhenVerbose(bool verbose)
    {
        var (console, text) = Console();
        var reporter = new RunReporter(console, verbose);
        foreach (var line in Lines) reporter.Detail(line);
        var expected = Lines.Where(l => verbose || l.Kind == ImageLineKind.Headline).Select(l => l.Text);
        Assert.Equal(expected, Shown(text.ToString()));
        Assert.Equal(verbose ? 4 : 2, Shown(text.ToString()).Length); // the rule itself, not only the filter restated
    }

    [Fact]
    public async Task TheLiveViewShowsHeadlinesAmongItsMessagesAndNothingElse()
    {
        var (console, text) = Console();
        var view = new LiveView(console, new RunReporter(console));
        await view.Around(() =>
        {
            foreach (var line in Lines) view.Detail(line);
            return Task.FromResult(0);
        });
        Assert.Equal([Lines[0].Text, Lines[3].Text], Shown(text.ToString()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AHeadlineSharedBySeveralConfigurationsIsShownOnceAndTheToolsOutputEveryTime(bool verbose)
    {
        var (console, text) = Console();
        var reporter = new RunReporter(console, verbose);
        foreach (var _ in Enumerable.Range(0, 3)) // three configurations waiting on one preparation: each gets every line
            foreach (var line in Lines) reporter.Detail(line);
        var output = text.ToString();
        foreach (var line in Lines.Where(l => verbose || l.Kind == ImageLineKind.Headline))
            Assert.Equal(line.Kind == ImageLineKind.Output ? 3 : 1, Occurrences(output, line.Text));
    }

    [Fact]
    public async Task TheLiveViewShowsASharedHeadlineOnce()
    {
        var (console, text) = Console();
        var view = new LiveView(console, new RunReporter(console));
        await view.Around(() =>
        {
            view.Detail(Lines[0]);
            view.Detail(Lines[0]);
            view.Detail(Lines[3]);
            return Task.FromResult(0);
        });
        // Every frame the view draws holds its messages: the repeated headline appears as often as the single one.
        var output = text.ToString();
        Assert.True(Occurrences(output, Lines[3].Text) > 0, output);
        Assert.Equal(Occurrences(output, Lines[3].Text), Occurrences(output, Lines[0].Text));
    }

    private static int Occurrences(string text, string what) => (text.Length - text.Replace(what, "").Length) / what.Length;
}
