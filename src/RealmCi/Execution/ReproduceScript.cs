using RealmCi.Results;

namespace RealmCi.Execution;

/// <summary>
/// A configuration's <c>reproduce.sh</c>: the realm-ci command that reruns it, then the plan's
/// steps as plain commands (<c>docker run …</c>, or the host's), exactly what the executor ran.
/// </summary>
public static class ReproduceScript
{
    public static string Text(StepPlan? plan, ConfigurationResult r, bool runTests)
    {
        var steps = plan is null ? "# (no step ran: the image was not ready)"
            : string.Join("\n", plan.For(runTests).SelectMany(step => Lines(plan, step, r.Reruns)));
        return $"""
        #!/usr/bin/env bash
        # Reproduces configuration {r.Id} ({r.StatusText} in realm-ci run {r.RunId}).
        #
        # With realm-ci, from its checkout:
        #   {r.Reproduce}
        #
        # Or by hand, the same steps ({(plan?.Executor ?? r.Executor).Name()} executor{(plan?.Image is { } image ? $", image {image}" : "")}):
        set -euo pipefail
        {steps}

        """;
    }

    private static IEnumerable<string> Lines(StepPlan plan, PlannedStep step, IReadOnlyList<TestAttempts> reruns)
    {
        yield return $"# {step.Name} (timeout {step.Timeout.TotalMinutes:0.#} min)";
        if (step.Tests is { WrappedDir: { } dir } t)
            yield return $"# multi-rank tests run behind {string.Join(' ', t.Launcher)} from {dir}/CTestTestfile.cmake (realm-ci writes it from: {ShellQuote.Join(t.ListForLauncher)})";
        yield return PlanText.Line(plan, step);
        // --rerun-failures: the same ctest command, only the failed tests, once per attempt (|| true: a failed attempt is a result).
        if (step.Kind == StepKind.Test)
            foreach (var attempt in reruns.SelectMany(a => a.Attempts.Skip(1).Select(x => x.Number)).Distinct().Order())
            {
                var names = reruns.Where(a => a.Attempts.Any(x => x.Number == attempt)).Select(a => a.Test);
                yield return $"# rerun attempt {attempt} of the failed tests: {string.Join(", ", reruns.Where(a => a.Attempts.Any(x => x.Number == attempt)).Select(a => $"{a.Test} {(a.Attempts.First(x => x.Number == attempt).Passed ? "passed" : "failed")}"))}";
                yield return PlanText.Line(plan, step with { Command = TestReruns.Command(step.Command, names, $"rerun-{attempt}.xml") }) + " || true";
            }
    }
}
