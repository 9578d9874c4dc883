using System.Runtime.InteropServices;
using System.Text;
using RealmCi.Build;
using RealmCi.Build.Host;

// The build program's entry point: the default target is set here and only here.
const string DefaultTarget = "Test";

Console.OutputEncoding = new UTF8Encoding(false);
CakeHost? host = null; // its settings say whether an internal error shows its trace (--verbosity=diagnostic)
// The last resort, also for exceptions on other threads: one line and exit 70, never a bare trace.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    if (e.ExceptionObject is Exception exception) Environment.Exit(LastResort.Report(exception, host?.Diagnostic ?? false, Console.Error));
};
var root = Environment.GetEnvironmentVariable("REALM_CI_ROOT") is { Length: > 0 } r ? r : Directory.GetCurrentDirectory();

// Ctrl-C or SIGTERM: stop launching work, stop and remove running containers, write what is
// known, exit 130. A second Ctrl-C exits at once.
using var interrupt = new CancellationTokenSource();
void Interrupt(PosixSignalContext context)
{
    if (interrupt.IsCancellationRequested) { Console.Error.WriteLine("realm-ci: forced exit."); Environment.Exit(130); }
    context.Cancel = true;
    Console.Error.WriteLine("realm-ci: interrupted; stopping running containers and writing results (Ctrl-C again to force)…");
    interrupt.Cancel();
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);

try
{
    host = new CakeHost(TaskCatalog.Discover<BuildContext>(typeof(BuildContext).Assembly), DefaultTarget, BuildOptions.All);
    using var stdout = Console.OpenStandardOutput();
    return await host.RunAsync(args, root, HostProbe.Probe(HostProbe.Variables()), Console.Out, Console.Error, stdout, interrupt.Token);
}
catch (Exception e)
{
    return LastResort.Report(e, host?.Diagnostic ?? false, Console.Error);
}
