namespace RealmCi.IntegrationTests.Ci;

/// <summary>A throw-away git repository as gitlab-ci-local wants one: a commit and a remote named origin.</summary>
public static class GitRepository
{
    public static void Init(string folder)
    {
        var env = new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = "realm-ci", ["GIT_AUTHOR_EMAIL"] = "ci@realm-ci", ["GIT_COMMITTER_NAME"] = "realm-ci", ["GIT_COMMITTER_EMAIL"] = "ci@realm-ci",
        };
        foreach (var args in new[]
        {
            new[] { "init", "-q", "-b", "main" },
            ["remote", "add", "origin", "https://gitlab.com/realm-ci/pipeline-test.git"],
            ["add", "-A"],
            ["commit", "-q", "-m", "generated pipeline"],
        })
        {
            var (code, output) = CiClients.Run("git", args, folder, env);
            if (code != 0) throw new InvalidOperationException($"git {string.Join(' ', args)}: {output}");
        }
    }
}
