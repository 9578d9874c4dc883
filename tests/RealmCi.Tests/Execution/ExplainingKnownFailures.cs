using RealmCi.Results;
using RealmCi.CMake;
using RealmCi.Matrix;
using RealmCi.Reporting;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Execution;

/// <summary>A failed step whose log matches a known signature is explained; an unknown one shows its tail.</summary>
public sealed class ExplainingKnownFailures : InTempFolder
{
    private static readonly FailureSignatures Realm = MatrixLoader.LoadFile(Yaml.RealmMatrixPath).Signatures;

    // The head of a real configure log: standalone Realm without tags (this machine, 2026-12-06).
    private const string NoTagLog = """
        -- Found Git: /usr/bin/git (found version "2.39.5") 
        CMake Warning at CMakeLists.txt:72 (project):
          VERSION keyword not followed by a value or was followed by a value that
          expanded to nothing.
        CMake Error at /usr/share/cmake-3.25/Modules/WriteBasicConfigVersionFile.cmake:43 (message):
          No VERSION specified for WRITE_BASIC_CONFIG_VERSION_FILE()
        Call Stack (most recent call first):
          /usr/share/cmake-3.25/Modules/CMakePackageConfigHelpers.cmake:237 (write_basic_config_version_file)
          cmake/RealmPackaging.cmake:102 (write_basic_package_version_file)
          CMakeLists.txt:1104 (include)
        -- Configuring incomplete, errors occurred!
        """;

    private ConfigurationResult ConfigureFailed(string log)
    {
        var path = Path.Combine(dir, "configure.log");
        File.WriteAllText(path, log);
        return new("gcc12-debug-local-cpu-shared", ConfigurationStatus.Failed,
            [new StepResult(StepKind.Image, StepStatus.Passed, 0, 1, null, null), new StepResult(StepKind.Configure, StepStatus.Failed, 1, 3, "cmake", path, "exit code 1")],
            [], "img", ExecutorKind.Docker, DateTimeOffset.UtcNow, 4, dir, "./build.sh --config=gcc12-debug-local-cpu-shared");
    }

    private static string Finished(ConfigurationResult r)
    {
        var text = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
            { Out = new Spectre.Console.AnsiConsoleOutput(text), Ansi = Spectre.Console.AnsiSupport.No, ColorSystem = Spectre.Console.ColorSystemSupport.NoColors });
        console.Profile.Width = 400;
        var reporter = new RunReporter(console);
        reporter.Finished(r);
        reporter.Summary([r], 1);
        return text.ToString().ReplaceLineEndings("\n");
    }

    [Fact]
    public void AKnownFailureSaysWhatItMeansAndWhatToDoInsteadOfTheTail()
    {
        var r = FailureDiagnosis.Attach(ConfigureFailed(NoTagLog), Realm);
        var known = Assert.Single(r.Known);
        Assert.Equal(("no-version-tag", "configure", "configure.log:6"), (known.Name, known.Step, known.Where));
        var output = Finished(r);
        Assert.Contains("known failure 'no-version-tag' (configure.log:6): No VERSION specified for WRITE_BASIC_CONFIG_VERSION_FILE()", output);
        Assert.Contains("  why: Realm's CMake takes its version from `git describe --tags`", output);
        Assert.Contains("  fix: Fetch the tags into the checkout", output);
        Assert.DoesNotContain("last lines of", output);
        Assert.Contains("configure failed — known: no-version-tag", output);
    }

    [Fact]
    public void AnUnknownFailureStillShowsTheTail()
    {
        var r = FailureDiagnosis.Attach(ConfigureFailed("-- Configuring\nCMake Error: something new\n-- Configuring incomplete, errors occurred!\n"), Realm);
        Assert.Empty(r.Known);
        var output = Finished(r);
        Assert.Contains("last lines of", output);
        Assert.Contains("| CMake Error: something new", output);
        Assert.DoesNotContain("known", output);
    }

    [Fact]
    public void APassedConfigurationIsNotRead()
    {
        var r = ConfigureFailed(NoTagLog) with { Status = ConfigurationStatus.Passed };
        Assert.Empty(FailureDiagnosis.Attach(r, Realm).Known);
    }

    [Fact]
    public void TheMarkdownSummaryListsTheExplanation()
    {
        var files = new SummaryFiles(dir, "x", ["gcc12-debug-local-cpu-shared"]);
        files.Add(FailureDiagnosis.Attach(ConfigureFailed(NoTagLog), Realm));
        var md = File.ReadAllText(files.Markdown);
        Assert.Contains("| configure failed — known: no-version-tag |", md);
        Assert.Contains("- known failure 'no-version-tag' (configure.log:6): No VERSION specified", md);
        Assert.Contains("- fix: Fetch the tags", md);
    }
}
