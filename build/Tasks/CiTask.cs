using RealmCi.Build.Host;
using RealmCi.Ci;
using RealmCi.Errors;

namespace RealmCi.Build.Tasks;

[TaskName("Ci")]
[TaskDescription("Write GitHub Actions or GitLab CI files from the matrix (--ci=github|gitlab [--static] [--check] [--plan])")]
public sealed class CiTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var request = new CiRequest
        {
            Platform = context.Argument("ci") switch
            {
                "github" => CiPlatform.Github,
                "gitlab" => CiPlatform.Gitlab,
                null => throw new RealmCiException("--target=Ci needs --ci=github or --ci=gitlab"),
                var other => throw new RealmCiException($"--ci={other}: expected github or gitlab"),
            },
            MatrixFile = context.MatrixFile,
            Root = context.Root,
            Profiles = context.Profiles,
            Selection = context.Selection with { Profile = null },
            Static = context.Argument("static") is { } s && s is not ("false" or "0" or "no"),
            Plan = context.Argument("plan") is { } p && p is not ("false" or "0" or "no"),
            Packs = context.Argument("pack") is { } k && k is not ("false" or "0" or "no"),
            Check = context.Argument("check") is { } c && c is not ("false" or "0" or "no"),
            Output = Path.GetFullPath(context.Argument("output") ?? "."),
        };
        using var stdout = new StreamWriter(context.StandardOutput, leaveOpen: true);
        context.ExitCode = CiGenerator.Run(request, stdout);
    }
}
