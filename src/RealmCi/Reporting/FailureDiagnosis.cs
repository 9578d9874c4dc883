using RealmCi.Matrix;
using RealmCi.Results;

namespace RealmCi.Reporting;

/// <summary>
/// Reads a failed configuration's first failing step's log for known failure signatures, so the
/// summary can say what the failure means and what to do instead of only showing the log tail.
/// </summary>
public static class FailureDiagnosis
{
    /// <summary>The first step that did not pass (nor was skipped), or null.</summary>
    public static StepResult? FailingStep(ConfigurationResult r) =>
        r.Steps.FirstOrDefault(s => s.Status is not StepStatus.Passed and not StepStatus.Skipped);

    /// <summary>The result with <see cref="ConfigurationResult.Known"/> set from its failing step's log.</summary>
    public static ConfigurationResult Attach(ConfigurationResult r, FailureSignatures signatures)
    {
        if (r.Succeeded || signatures.Entries.IsEmpty || FailingStep(r) is not { Log: { } log } step || !File.Exists(log)) return r;
        var known = signatures.Find(step.Step, File.ReadLines(log))
            .Select(m => new KnownFailure(m.Signature.Name, step.Name, log, m.LineNumber, m.Line.Trim(), m.Signature.Explanation, m.Signature.Fix, m.Signature.Link))
            .ToList();
        return known.Count == 0 ? r : r with { Known = known };
    }

    /// <summary>The lines a summary prints for one known failure (console and summary.md).</summary>
    public static IEnumerable<string> Describe(KnownFailure k)
    {
        yield return $"known failure '{k.Name}' ({k.Where}): {k.Line}";
        yield return $"  why: {k.Explanation}";
        yield return $"  fix: {k.Fix}";
        if (k.Link is not null) yield return $"  see: {k.Link}";
    }
}
