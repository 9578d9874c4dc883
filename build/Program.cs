using System.Text;
using RealmCi.Build;
using RealmCi.Build.Host;

// The build program's entry point: the default target is set here and only here.
const string DefaultTarget = "Matrix";

Console.OutputEncoding = new UTF8Encoding(false);
var root = Environment.GetEnvironmentVariable("REALM_CI_ROOT") is { Length: > 0 } r ? r : Directory.GetCurrentDirectory();
var host = new CakeHost(TaskCatalog.Discover<BuildContext>(typeof(BuildContext).Assembly), DefaultTarget, BuildOptions.All);
using var stdout = Console.OpenStandardOutput();
return await host.RunAsync(args, root, Console.Out, Console.Error, stdout);
