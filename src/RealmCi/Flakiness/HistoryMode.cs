namespace RealmCi.Flakiness;

/// <summary>
/// What a run does with the flakiness history: <see cref="Write"/> adds its outcomes (a trusted
/// run), <see cref="Read"/> only shows the records (a run whose results should not shape the
/// history: a pull/merge request's), <see cref="Off"/> neither (Bisect's candidates: old commits).
/// </summary>
public enum HistoryMode { Off, Read, Write }

/// <summary>
/// Whether a run is trusted to write the history, from its environment (<c>--history=auto</c>):
/// outside CI, yes (your machine, your cache); GitHub Actions, unless the event is a pull request
/// (<c>GITHUB_EVENT_NAME</c> <c>pull_request</c> or <c>pull_request_target</c>); GitLab, only on a
/// protected ref outside a merge request (<c>CI_COMMIT_REF_PROTECTED=true</c>, no
/// <c>CI_MERGE_REQUEST_IID</c>); any other CI (<c>CI</c> set), yes — say <c>--history=read</c> there
/// for untrusted jobs. Pure.
/// </summary>
public static class HistoryTrust
{
    public static HistoryMode Auto(Func<string, string?> variable)
    {
        if (variable("GITHUB_ACTIONS") == "true")
            return variable("GITHUB_EVENT_NAME") is "pull_request" or "pull_request_target" ? HistoryMode.Read : HistoryMode.Write;
        if (variable("GITLAB_CI") == "true")
            return variable("CI_COMMIT_REF_PROTECTED") == "true" && string.IsNullOrEmpty(variable("CI_MERGE_REQUEST_IID")) ? HistoryMode.Write : HistoryMode.Read;
        return HistoryMode.Write;
    }
}
