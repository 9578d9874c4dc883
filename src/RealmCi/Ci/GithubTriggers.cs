namespace RealmCi.Ci;

/// <summary>
/// A GitHub workflow's <c>on:</c> and <c>concurrency:</c>. The pull-request workflow runs on
/// <c>pull_request</c> only (never <c>pull_request_target</c>: that runs with the base
/// repository's token and secrets on the request's code). The trusted one: pushes to the
/// branch, approved commits pushed to <c>pull-request/N</c> branches, tags, the schedule, by hand.
/// </summary>
public static class GithubTriggers
{
    public static YamlMap On(ProfilePlan plan, CiSettings settings)
    {
        var on = new List<(string, YamlValue)>();
        if (plan.Trust == Trust.Untrusted) return Y.Map(("pull_request", Y.Map()));
        var branches = new List<string>();
        if (plan.Triggers.Contains(Trigger.Push)) branches.Add(settings.Branch);
        if (plan.Triggers.Contains(Trigger.Approved)) branches.Add(settings.ApprovedBranchPrefix + "[0-9]+");
        var push = new List<(string, YamlValue)>();
        if (branches.Count > 0) push.Add(("branches", Y.Strings(branches)));
        if (plan.Triggers.Contains(Trigger.Tag)) push.Add(("tags", Y.Strings(["*"])));
        if (push.Count > 0) on.Add(("push", Y.Map(push)));
        if (plan.Triggers.Contains(Trigger.Schedule)) on.Add(("schedule", Y.List(Y.Map(("cron", settings.Schedule)))));
        on.Add(("workflow_dispatch", Y.Map()));
        return Y.Map(on);
    }

    /// <summary>One run per profile and ref; a newer push cancels the older run only on request refs (pull requests, pull-request/N), never on the branch or tags.</summary>
    public static YamlMap Concurrency(ProfilePlan plan, CiSettings settings) => Y.Map(
        ("group", $"realm-ci-{plan.Profile}-{(plan.Trust == Trust.Trusted ? "trusted" : "pr")}-${{{{ github.ref }}}}"),
        ("cancel-in-progress", !settings.Jobs.CancelSuperseded ? Y.Literal("false") : plan.Trust == Trust.Untrusted ? Y.Literal("true")
            : $"${{{{ startsWith(github.ref, 'refs/heads/{settings.ApprovedBranchPrefix}') }}}}"));
}
