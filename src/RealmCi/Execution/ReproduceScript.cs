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
        {
            if (!t.Launcher.IsEmpty)
                yield return $"# multi-rank tests run behind {string.Join(' ', t.Launcher)} from {dir}/CTestTestfile.cmake (realm-ci writes it from: {ShellQuote.Join(t.ListForLauncher)})";
            if (t.Emulation is { } e)
                yield return $"# the tests run under the emulator {string.Join(' ', e.Emulator)} (every command running a program built under {e.BuiltUnder}) from {dir}/CTestTestfile.cmake (realm-ci writes it from: {ShellQuote.Join(t.ListForLauncher)})";
        }
        yield return PlanText.Line(plan, step);
        // --rerun-failures: the same ctest command, only the failed tests, once per attempt; a bundled GoogleTest case alone
        // (|| true: a failed attempt is a result).
        if (step.Kind == StepKind.Test)
            foreach (var attempt in reruns.SelectMany(a => a.Attempts.Skip(1).Select(x => x.Number)).Distinct().Order())
            {
                var at = reruns.Where(a => a.Attempts.Any(x => x.Number == attempt)).ToList();
                string Outcome(TestAttempts a) => $"{a.Test} {(a.Attempts.First(x => x.Number == attempt).Passed ? "passed" : "failed")}";
                if (at.Where(a => a.InBundle is null).ToList() is { Count: > 0 } plain)
                {
                    yield return $"# rerun attempt {attempt} of the failed tests: {string.Join(", ", plain.Select(Outcome))}";
                    yield return PlanText.Line(plan, RerunStep.ForTests(step, plain.Select(a => a.Test), attempt)) + " || true";
                }
                // A case's index is its place among the rerun cases, as TestReruns numbered them.
                foreach (var (a, index) in reruns.Where(a => a.InBundle is not null).Select((a, i) => (a, i)).Where(x => at.Contains(x.a)))
                {
                    yield return $"# rerun attempt {attempt} of the GoogleTest case alone: {Outcome(a)}";
                    yield return PlanText.Line(plan, RerunStep.ForCase(step, a.InBundle!, attempt, index)) + " || true";
                }
            }
    }
}
