using RealmCi.Results;
using RealmCi.CMake;
using RealmCi.Reporting;

namespace RealmCi.Tests.Execution;

/// <summary>
/// A failed configure's log tail is often blank lines and "Configuring incomplete" (the November
/// Realm's missing version): the console also shows the log's first error, with its message line.
/// </summary>
public sealed class ShowingTheFirstError : InTempFolder
{
    private string Reported(string log)
    {
        var path = Path.Combine(dir, "configure.log");
        File.WriteAllText(path, log);
        var failed = new ConfigurationResult("gcc12-debug-local-cpu-shared", ConfigurationStatus.Failed,
            [new StepResult(StepKind.Configure, StepStatus.Failed, 1, 3, "cmake", path, "exit code 1")], [], "img", ExecutorKind.Docker, DateTimeOffset.UtcNow, 3, dir, "r");
        var text = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
            { Out = new Spectre.Console.AnsiConsoleOutput(text), Ansi = Spectre.Console.AnsiSupport.No, ColorSystem = Spectre.Console.ColorSystemSupport.NoColors });
        console.Profile.Width = 400;
        new RunReporter(console, tailLines: 3).Finished(failed);
        return text.ToString();
    }

    [Fact]
    public void AnErrorAboveTheTailIsShownWithItsMessage()
    {
        var output = Reported("-- Found Git\nCMake Error at /usr/share/cmake-3.25/Modules/WriteBasicConfigVersionFile.cmake:43 (message):\n" +
            "  No VERSION specified for WRITE_BASIC_CONFIG_VERSION_FILE()\nCall Stack (most recent call first):\n  cmake/RealmPackaging.cmake:102\n\n\n\n-- Configuring incomplete, errors occurred!\n");
        Assert.Contains("first error, line 2 of", output);
        Assert.Contains("WriteBasicConfigVersionFile.cmake:43 (message): No VERSION specified for WRITE_BASIC_CONFIG_VERSION_FILE()", output);
    }

    [Fact]
    public void AnErrorInTheTailIsNotRepeated() =>
        Assert.DoesNotContain("first error", Reported("a\nb\nx.cc:1:2: error: boom\n"));
}
