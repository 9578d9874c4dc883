namespace RealmCi.Ci;

/// <summary>
/// GitLab's parent pipeline: per profile, rules for its triggers and a trigger job
/// (<c>strategy: depend</c>) that runs the profile's child pipeline. Self-hosted jobs only on
/// protected refs that are not merge requests: the dynamic plan job asks for
/// <c>--untrusted</c> otherwise; static, the child without them runs there instead.
/// </summary>
public static class GitlabParent
{
    /// <summary>A protected ref (only maintainers push there) and not a merge request's pipeline.</summary>
    public const string Protected = "$CI_COMMIT_REF_PROTECTED == \"true\" && $CI_PIPELINE_SOURCE != \"merge_request_event\"";

    /// <summary>The plan job's name in the parent: the child's jobs take the compiled build program from it.</summary>
    public static string PlanJob(string profile) => $"realm-ci plan {profile}";

    public const string Unprotected = "($CI_COMMIT_REF_PROTECTED != \"true\" || $CI_PIPELINE_SOURCE == \"merge_request_event\")";

    public static string Write(IReadOnlyList<(ProfilePlan Plan, JobCommand Command)> plans, CiSettings settings, bool dynamic, string header)
    {
        var jobs = new List<(string, YamlValue)> { ("stages", Y.Strings(dynamic ? ["realm-ci-plan", "realm-ci"] : ["realm-ci"])) };
        foreach (var group in plans.GroupBy(p => p.Plan.Profile))
        {
            var (plan, command) = group.First();
            var split = group.Count() > 1;
            var planJob = PlanJob(plan.Profile);
            if (dynamic)
                jobs.Add((planJob, Y.Map(
                    ("stage", "realm-ci-plan"),
                    ("tags", GitlabPipeline.Tags(settings.DefaultRunner)),
                    ("rules", Rules(plan, settings, null)),
                    ("needs", Needs(plan, settings)),
                    ("script", Y.Strings([.. command.Fetch,
                        $"if [ \"$CI_COMMIT_REF_PROTECTED\" = true ] && [ \"$CI_PIPELINE_SOURCE\" != merge_request_event ]; then {command.Plan("gitlab")} > {GitlabPipeline.PlanArtifact(plan.Profile)}; "
                        + $"else {command.Plan("gitlab", Trust.Untrusted)} > {GitlabPipeline.PlanArtifact(plan.Profile)}; fi"])),
                    // The compiled build program too: every job of the child takes it (needs: pipeline:) instead of compiling.
                    ("artifacts", Y.Map(("paths", Y.Strings([GitlabPipeline.PlanArtifact(plan.Profile), command.ProgramFolder + "/"])), ("expire_in", "1 week"))))));
            foreach (var (child, _) in group)
            {
                YamlValue include = dynamic
                    ? Y.List(Y.Map(("artifact", GitlabPipeline.PlanArtifact(plan.Profile)), ("job", planJob)))
                    : Y.List(Y.Map(("local", GitlabPipeline.ChildFile(plan.Profile, child.Trust))));
                jobs.Add((child.Trust == Trust.Trusted ? $"realm-ci {plan.Profile}" : $"realm-ci {plan.Profile} unprotected", Y.Map(
                    ("stage", "realm-ci"),
                    ("rules", Rules(plan, settings, split ? child.Trust : null)),
                    ("needs", dynamic ? Y.Strings([planJob]) : Needs(plan, settings)),
                    ("variables", dynamic ? Y.Map((GitlabPipeline.PlanPipelineVariable, "$CI_PIPELINE_ID")) : null),
                    ("trigger", Y.Map(("include", include), ("strategy", "depend"))))));
            }
        }
        return YamlText.Write(Y.Map(jobs), header);
    }

    /// <summary>ci.yaml's extra needs for the profile (hand-written jobs of the including pipeline) on its first job.</summary>
    private static YamlValue? Needs(ProfilePlan plan, CiSettings settings) =>
        settings.Jobs.Needs.TryGetValue(plan.Profile, out var needs) && !needs.IsEmpty ? Y.Strings(needs) : null;

    /// <summary>The profile's rules; <paramref name="trust"/> given: only on protected (trusted) or unprotected refs.</summary>
    private static YamlList Rules(ProfilePlan plan, CiSettings settings, Trust? trust)
    {
        var suffix = trust switch { Trust.Trusted => " && " + Protected, Trust.Untrusted => " && " + Unprotected, _ => "" };
        var rules = new List<YamlValue> { Y.Map(("if", $"$REALM_CI_PROFILE == \"{plan.Profile}\"" + suffix)) };
        foreach (var trigger in plan.Triggers)
            rules.Add(Y.Map(("if", "$REALM_CI_PROFILE == null && " + trigger switch
            {
                Trigger.Pr => "$CI_PIPELINE_SOURCE == \"merge_request_event\"",
                Trigger.Push => $"$CI_PIPELINE_SOURCE == \"push\" && $CI_COMMIT_BRANCH == \"{settings.Branch}\"",
                Trigger.Approved => $"$CI_PIPELINE_SOURCE == \"push\" && $CI_COMMIT_BRANCH =~ /^{settings.ApprovedBranchPrefix.Replace("/", "\\/")}[0-9]+$/",
                Trigger.Schedule => "$CI_PIPELINE_SOURCE == \"schedule\"",
                Trigger.Tag => "$CI_COMMIT_TAG",
                _ => "$CI_PIPELINE_SOURCE == \"web\"",
            } + suffix)));
        return Y.List(rules);
    }
}
