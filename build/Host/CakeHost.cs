using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;
using RealmCi.Errors;
using Spectre.Console;

namespace RealmCi.Build.Host;

/// <summary>
/// A thin host on the real Cake engine, shaped like Cake.Frosting's CakeHost: it registers
/// every task class with Cake's <see cref="CakeEngine"/>, builds the typed context, runs the
/// target with Cake's <see cref="DefaultExecutionStrategy"/>, and maps errors to exit codes.
/// User errors print one line and no stack trace.
/// </summary>
public sealed class CakeHost
{
    private readonly IReadOnlyList<TaskInfo> tasks;
    private readonly string defaultTarget;
    private readonly IReadOnlyList<BuildOption> options;

    public CakeHost(IReadOnlyList<TaskInfo> tasks, string defaultTarget, IReadOnlyList<BuildOption> options)
    {
        this.tasks = tasks;
        this.defaultTarget = defaultTarget;
        this.options = options;
    }

    public async Task<int> RunAsync(IReadOnlyList<string> args, string root, TextWriter stdout, TextWriter stderr, Stream rawStdout, CancellationToken cancellation = default)
    {
        try
        {
            var arguments = CommandLine.Parse(args, options);
            if (arguments.Contains("help")) { WriteHelp(stdout); return ExitCodes.Success; }
            if (arguments.Contains("description")) { WriteTargets(stdout); return ExitCodes.Success; }

            var target = arguments["target"].LastOrDefault() ?? defaultTarget;
            var task = tasks.FirstOrDefault(t => string.Equals(t.Name, target, StringComparison.OrdinalIgnoreCase));
            if (task is null)
            {
                stderr.WriteLine($"error: unknown target '{target}'. Known targets: {string.Join(", ", tasks.Select(t => t.Name))}");
                return ExitCodes.InvalidInput;
            }

            var verbosity = ParseVerbosity(arguments["verbosity"].LastOrDefault());
            var log = new HostLog(new CakeBuildLog(new StderrConsole(), verbosity));
            var context = CreateContext(root, arguments, log);
            var output = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
            if (Console.IsOutputRedirected) output.Profile.Width = 250; // a log or a pipe: don't wrap at 80 columns
            var buildContext = new BuildContext(context, root, output, rawStdout, cancellation);

            var engine = new CakeEngine(new CakeDataService(), log);
            foreach (var info in tasks)
            {
                var builder = engine.RegisterTask(info.Name).Description(info.Description);
                foreach (var dependency in info.Dependencies) builder.IsDependentOn(dependency);
                var instance = (FrostingTask<BuildContext>)Activator.CreateInstance(info.Type)!;
                builder.Does(() => instance.RunAsync(buildContext));
            }
            var strategy = new DefaultExecutionStrategy(log, new ReportPrinter(log));
            var report = await engine.RunTargetAsync(context, strategy, new ExecutionSettings().SetTarget(task.Name));
            new ReportPrinter(log).Write(report);
            return buildContext.ExitCode;
        }
        catch (Exception e) when (Unwrap(e) is RealmCiException user)
        {
            stderr.WriteLine($"error: {user.Message}");
            return user.ExitCode;
        }
        catch (Exception e) when (cancellation.IsCancellationRequested && Unwrap(e) is OperationCanceledException or TaskCanceledException)
        {
            stderr.WriteLine("interrupted.");
            return ExitCodes.Interrupted;
        }
    }

    /// <summary>The context Cake.Frosting would build, from Cake's own implementations.</summary>
    private static CakeContext CreateContext(string root, ILookup<string, string> arguments, ICakeLog log)
    {
        var fileSystem = new FileSystem();
        var environment = new CakeEnvironment(new CakePlatform(), new CakeRuntime());
        ICakeConfiguration configuration;
        try
        {
            configuration = new CakeConfigurationProvider(fileSystem, environment)
                .CreateConfiguration(new DirectoryPath(root), new Dictionary<string, string>());
        }
        catch (InvalidOperationException e)
        {
            throw new RealmCiException($"{System.IO.Path.Combine(root, "cake.config")}: {e.Message} (Cake's INI format: [Section] then Key=Value, ';' comments, no empty values)");
        }
        var globber = new Globber(fileSystem, environment);
        var toolRepository = new ToolRepository(environment);
        var toolLocator = new ToolLocator(environment, toolRepository, new ToolResolutionStrategy(fileSystem, environment, globber, configuration, log));
        return new CakeContext(fileSystem, environment, globber, log, new CakeArguments(arguments),
            new ProcessRunner(fileSystem, environment, log, toolLocator, configuration), new WindowsRegistry(), toolLocator,
            new CakeDataService(), configuration, new ToolInstaller(environment, toolLocator, configuration, log, []), new EmptyServices());
    }

    private static Verbosity ParseVerbosity(string? text) => text?.ToLowerInvariant() switch
    {
        null or "normal" or "n" => Verbosity.Normal,
        "quiet" or "q" => Verbosity.Quiet,
        "minimal" or "m" => Verbosity.Minimal,
        "verbose" or "v" => Verbosity.Verbose,
        "diagnostic" or "d" => Verbosity.Diagnostic,
        _ => throw new RealmCiException($"--verbosity={text}: expected quiet, minimal, normal, verbose or diagnostic"),
    };

    /// <summary>The user error anywhere in the chain (Cake wraps a task's exception in its own).</summary>
    private static Exception Unwrap(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
            if (inner is RealmCiException) return inner;
        return e;
    }

    private void WriteTargets(TextWriter output)
    {
        output.WriteLine("Targets (--target=NAME):");
        foreach (var t in tasks)
        {
            var deps = t.Dependencies.Count > 0 ? $" [after {string.Join(", ", t.Dependencies)}]" : "";
            var marker = t.Name == defaultTarget ? " (default)" : "";
            output.WriteLine($"  {t.Name,-10} {t.Description}{marker}{deps}");
        }
    }

    private void WriteHelp(TextWriter output)
    {
        output.WriteLine("Usage: ./build.sh [--target=NAME] [options]");
        output.WriteLine();
        WriteTargets(output);
        output.WriteLine();
        output.WriteLine("Options:");
        foreach (var o in options)
        {
            var form = o.IsFlag ? $"--{o.Name}" : $"--{o.Name}={o.ValueHint}";
            output.WriteLine($"  {form,-22} {o.Description}");
        }
        output.WriteLine();
        output.WriteLine("Exit codes: 0 success, 1 a configuration failed, 2 invalid input, 3 engine or source unavailable, 130 interrupted.");
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
