using RealmCi.Flakiness;

namespace RealmCi.Tests.Flakiness;

public class TrustingARunWithHistory
{
    private static HistoryMode Auto(params (string Name, string Value)[] env) =>
        HistoryTrust.Auto(name => env.FirstOrDefault(e => e.Name == name).Value);

    [Fact]
    public void OutsideCiARunWrites() => Assert.Equal(HistoryMode.Write, Auto());

    [Fact]
    public void AGithubPullRequestOnlyReads()
    {
        Assert.Equal(HistoryMode.Read, Auto(("GITHUB_ACTIONS", "true"), ("GITHUB_EVENT_NAME", "pull_request")));
        Assert.Equal(HistoryMode.Read, Auto(("GITHUB_ACTIONS", "true"), ("GITHUB_EVENT_NAME", "pull_request_target")));
        Assert.Equal(HistoryMode.Write, Auto(("GITHUB_ACTIONS", "true"), ("GITHUB_EVENT_NAME", "push")));
        Assert.Equal(HistoryMode.Write, Auto(("GITHUB_ACTIONS", "true"), ("GITHUB_EVENT_NAME", "schedule")));
    }

    [Fact]
    public void GitlabWritesOnlyOnAProtectedRefOutsideAMergeRequest()
    {
        Assert.Equal(HistoryMode.Write, Auto(("GITLAB_CI", "true"), ("CI_COMMIT_REF_PROTECTED", "true")));
        Assert.Equal(HistoryMode.Read, Auto(("GITLAB_CI", "true"), ("CI_COMMIT_REF_PROTECTED", "false")));
        Assert.Equal(HistoryMode.Read, Auto(("GITLAB_CI", "true"), ("CI_COMMIT_REF_PROTECTED", "true"), ("CI_MERGE_REQUEST_IID", "12")));
    }
}
