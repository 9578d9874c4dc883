using RealmCi.Build.Host;
using RealmCi.Ci;

namespace RealmCi.Build.Tasks;

[TaskName("Ci")]
[TaskDescription("Write GitHub Actions or GitLab CI files from the matrix (--ci=github|gitlab [--static] [--check] [--force] [--plan [--untrusted]])")]
public sealed class CiTask : FrostingTask<BuildContext>
{
    public override IEnumerable<string> Check(Settings settings)
    {
        if (settings.Ci is null) yield return "--target=Ci needs --ci=github or --ci=gitlab";
    }

    public override void Run(BuildContext context)
    {
        var request = new CiRequest
        {
            Platform = context.Settings.Ci!.Value, // checked before any target runs
            MatrixFile = context.MatrixFile,
            Root = context.Root,
            Profiles = context.Profiles,
            Selection = context.Selection with { Profile = null },
            Static = context.Settings.Static,
            Plan = context.Settings.Plan,
            Untrusted = context.Settings.Untrusted,
            Force = context.Settings.Force,
            Check = context.Settings.Check,
            Output = context.Settings.Output ?? Path.GetFullPath("."),
            Source = context.Settings.Plan ? context.Settings.RealmSource : null,
            Log = Console.Error,
        };
        using var stdout = new StreamWriter(context.StandardOutput, leaveOpen: true);
        context.ExitCode = CiGenerator.Run(request, stdout);
    }
}
