using RealmCi.Execution;

namespace RealmCi.Ci;

/// <summary>
/// On an approved <c>pull-request/N</c> push: lists the CI files (ci.yaml <c>approval.ci-files</c>)
/// the approved commit changes against the default branch, as warnings on the run and in its
/// summary, so whoever approved it sees that the commit changes what runs on the runners. It
/// flags; it cannot stop (the commit could delete this job): the approval is the boundary.
/// </summary>
public static class GithubCiFiles
{
    public static YamlMap Job(CiSettings settings, JobCommand command) => Y.Map(
        ("name", "CI files changed by the approved commit"),
        ("if", $"${{{{ startsWith(github.ref, 'refs/heads/{settings.ApprovedBranchPrefix}') }}}}"),
        ("runs-on", Y.Strings(settings.DefaultRunner.Github)),
        ("timeout-minutes", Y.Literal("10")),
        ("steps", Y.List(
            Y.Map(("name", "checkout"), ("uses", GithubSteps.Uses(settings, "checkout")), ("with", Y.Map(("persist-credentials", Y.Literal("false")), ("fetch-depth", Y.Literal("0"))))),
            Y.Map(("name", "flag changed CI files"), ("env", Y.Map(("BRANCH", settings.Branch))), ("run", Script(settings.CiFiles))))));

    public static string Script(IReadOnlyList<string> paths) =>
        $"changed=\"$(git diff --name-only \"origin/$BRANCH...HEAD\" -- {ShellQuote.Join(paths)})\"\n"
        + "if [ -z \"$changed\" ]; then echo \"realm-ci: the approved commit changes no CI file\"; exit 0; fi\n"
        + "echo \"### The approved commit changes CI files\" >> \"$GITHUB_STEP_SUMMARY\"\n"
        + "for f in $changed; do echo \"::warning file=$f::the approved commit changes this CI file: it runs on self-hosted runners\"; echo \"- \\`$f\\`\" >> \"$GITHUB_STEP_SUMMARY\"; done\n";
}
