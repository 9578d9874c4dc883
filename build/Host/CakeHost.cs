using System.Reflection;
using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;
using RealmCi.Errors;
using RealmCi.Execution;
using Spectre.Console;

namespace RealmCi.Build.Host;

/// <summary>
/// A thin host on the real Cake engine, shaped like Cake.Frosting's CakeHost: it registers
/// every task class with Cake's <see cref="CakeEngine"/>, resolves and checks every setting
/// (<see cref="SettingsResolver"/>) before any target runs, builds the typed context, runs the
/// target with Cake's <see cref="DefaultExecutionStrategy"/>, and maps errors to exit codes.
/// User errors print one line each and no stack trace; anything unexpected goes to
/// <see cref="LastResort"/> (one line, exit 70).
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

    /// <summary>Runs one target; <paramref name="host"/> is what <see cref="HostProbe"/> found (tests pass a made-up host).</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args, string root, HostFacts host, TextWriter stdout, TextWriter stderr, Stream rawStdout,
        CancellationToken cancellation = default)
    {
        var parsed = CommandLine.Read(args, options);
        try
        {
            if (parsed.Values.Contains("help")) { WriteHelp(stdout); return ExitCodes.Success; }
            if (parsed.Values.Contains("description")) { WriteTargets(stdout); return ExitCodes.Success; }
            if (parsed.Values.Contains("version")) { stdout.WriteLine($"realm-ci {Version}"); return ExitCodes.Success; }

            var fileSystem = new FileSystem();
            var environment = new CakeEnvironment(new CakePlatform(), new CakeRuntime());
            var configuration = ReadConfiguration(root, fileSystem, environment);
            var variables = host.Environment;
            var instances = tasks.ToDictionary(t => t.Name, t => (FrostingTask<BuildContext>)Activator.CreateInstance(t.Type)!);
            var settings = SettingsResolver.Resolve(new SettingsInputs
            {
                Arguments = parsed.Values,
                ArgumentProblems = parsed.Problems,
                Config = CakeConfigSection.Read(root, configuration, variables),
                Environment = variables,
                Root = root,
                WorkingDirectory = Environment.CurrentDirectory,
                Home = host.Variable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
                Targets = [.. tasks.Select(t => t.Name)],
                DefaultTarget = defaultTarget,
                Options = options,
                Dependencies = tasks.ToDictionary(t => t.Name, t => t.Dependencies, StringComparer.OrdinalIgnoreCase),
                Checks = instances.ToDictionary(p => p.Key, p => (Func<Settings, IEnumerable<string>>)p.Value.Check, StringComparer.OrdinalIgnoreCase),
            });

            Diagnostic = settings.Verbosity == VerbosityLevel.Diagnostic;
            var log = new HostLog(new CakeBuildLog(new StderrConsole(), (Verbosity)settings.Verbosity));
            var context = CreateContext(fileSystem, environment, configuration, parsed.Values, log);
            var output = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
            if (!host.Interactive) output.Profile.Width = 250; // a log or a pipe: don't wrap at 80 columns
            using var buildContext = new BuildContext(context, settings, host, output, rawStdout, cancellation);

            var engine = new CakeEngine(new CakeDataService(), log);
            foreach (var info in tasks)
            {
                var builder = engine.RegisterTask(info.Name).Description(info.Description);
                foreach (var dependency in info.Dependencies) builder.IsDependentOn(dependency);
                var instance = instances[info.Name];
                builder.Does(() => instance.RunAsync(buildContext));
            }
            var strategy = new DefaultExecutionStrategy(log, new ReportPrinter(log));
            var report = await engine.RunTargetAsync(context, strategy, new ExecutionSettings().SetTarget(settings.Target));
            new ReportPrinter(log).Write(report);
            return buildContext.ExitCode;
        }
        catch (Exception e) when (Unwrap(e) is RealmCiException user)
        {
            foreach (var line in user.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                stderr.WriteLine($"error: {line.TrimEnd('\r')}");
            return user.ExitCode;
        }
        catch (Exception e) when (cancellation.IsCancellationRequested && Unwrap(e) is OperationCanceledException or TaskCanceledException)
        {
            stderr.WriteLine("interrupted.");
            return ExitCodes.Interrupted;
        }
        catch (Exception e)
        {
            return LastResort.Report(e, Diagnostic, stderr);
        }
    }

    /// <summary>
    /// Whether the run asked for <c>--verbosity=diagnostic</c> (a stack trace with an internal error), as the
    /// resolved settings say: the one place verbosity is read. False until the settings are resolved.
    /// </summary>
    public bool Diagnostic { get; private set; }

    /// <summary>The build program's version (Directory.Build.props), as <c>--version</c> prints it.</summary>
    public static string Version =>
        typeof(CakeHost).Assembly.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static ICakeConfiguration ReadConfiguration(string root, FileSystem fileSystem, CakeEnvironment environment)
    {
        try
        {
            return new CakeConfigurationProvider(fileSystem, environment)
                .CreateConfiguration(new DirectoryPath(root), new Dictionary<string, string>());
        }
        catch (InvalidOperationException e)
        {
            var file = System.IO.Path.Combine(root, "cake.config");
            var line = FirstRejectedLine(file, fileSystem, environment);
            throw new RealmCiException($"{file}{(line > 0 ? $":{line}" : "")}: {e.Message} (Cake's INI format: [Section] then Key=Value, ';' comments, no empty values)");
        }
    }

    /// <summary>
    /// Cake's INI parser names no line: find it as the shortest prefix of the file that Cake
    /// rejects (the format is line by line, so that prefix ends at the bad line). 0 if none does.
    /// </summary>
    private static int FirstRejectedLine(string file, FileSystem fileSystem, CakeEnvironment environment)
    {
        var lines = File.ReadAllLines(file);
        var scratch = Directory.CreateTempSubdirectory("realm-ci-cake-config-");
        try
        {
            for (var n = 1; n <= lines.Length; n++)
            {
                File.WriteAllLines(System.IO.Path.Combine(scratch.FullName, "cake.config"), lines.Take(n));
                try { new CakeConfigurationProvider(fileSystem, environment).CreateConfiguration(new DirectoryPath(scratch.FullName), new Dictionary<string, string>()); }
                catch (InvalidOperationException) { return n; }
            }
            return 0;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>The context Cake.Frosting would build, from Cake's own implementations.</summary>
    private static CakeContext CreateContext(FileSystem fileSystem, CakeEnvironment environment, ICakeConfiguration configuration, ILookup<string, string> arguments, ICakeLog log)
    {
        var globber = new Globber(fileSystem, environment);
        var toolRepository = new ToolRepository(environment);
        var toolLocator = new ToolLocator(environment, toolRepository, new ToolResolutionStrategy(fileSystem, environment, globber, configuration, log));
        return new CakeContext(fileSystem, environment, globber, log, new CakeArguments(arguments),
            new ProcessRunner(fileSystem, environment, log, toolLocator, configuration), new WindowsRegistry(), toolLocator,
            new CakeDataService(), configuration, new ToolInstaller(environment, toolLocator, configuration, log, []), new EmptyServices());
    }

    /// <summary>The user error anywhere in the chain (Cake wraps a task's exception in its own).</summary>
    private static Exception Unwrap(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
            if (inner is RealmCiException or OperationCanceledException) return inner; // the engine wraps a target's exception
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
        output.WriteLine("Options ([targets that take it]; given to another target, an option is an error):");
        foreach (var o in options)
        {
            var form = o.IsFlag ? $"--{o.Name}{(o.ValueHint.Length > 0 ? $"[={o.ValueHint}]" : "")}" : $"--{o.Name}={o.ValueHint}"; // a flag may take a value: --downstream[=NAME]
            var targets = o.Targets is { } only ? $" [{string.Join(", ", only)}]" : "";
            output.WriteLine($"  {form,-22} {o.Description}{targets}");
        }
        output.WriteLine();
        output.WriteLine("Exit codes:");
        foreach (var (code, meaning) in ExitCodes.Table) output.WriteLine($"  {code,-4} {meaning}");
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
