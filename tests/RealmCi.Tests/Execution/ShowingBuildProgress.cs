using RealmCi.Results;
using RealmCi.Reporting;

namespace RealmCi.Tests.Execution;

/// <summary>
/// The plain reporter shows a build's progress every tenth — also when the same configuration is
/// built again in one run (a bisection builds one Id per candidate): its second build was silent.
/// </summary>
public sealed class ShowingBuildProgress
{
    [Fact]
    public void EachBuildOfTheSameIdShowsItsTenths()
    {
        var text = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
            { Out = new Spectre.Console.AnsiConsoleOutput(text), Ansi = Spectre.Console.AnsiSupport.No, ColorSystem = Spectre.Console.ColorSystemSupport.NoColors });
        console.Profile.Width = 400;
        var reporter = new RunReporter(console);
        foreach (var candidate in new[] { 1, 2 })
        {
            reporter.StepStarted("c", StepKind.Build, "ninja");
            foreach (var done in new[] { 10, 50, 100 }) reporter.Progress("c", done, 100);
        }
        var lines = text.ToString().Split('\n').Where(l => l.Contains("building ", StringComparison.Ordinal) && l.Contains('%')).Select(l => l[(l.IndexOf("c: ", StringComparison.Ordinal) + 3)..].Trim()).ToList();
        Assert.Equal(["building 10/100 (10%)", "building 50/100 (50%)", "building 100/100 (100%)", "building 10/100 (10%)", "building 50/100 (50%)", "building 100/100 (100%)"], lines);
    }
}
