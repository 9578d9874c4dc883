using RealmCi.Results;

namespace RealmCi.Abi;

/// <summary>
/// The ABI check around a configuration's ABI step: before it, the baseline's dump of the same
/// configuration is copied into the folder (the step sees only its own folder); after it, the
/// verdict is read from the binary XML report — incompatible fails the step with the broken
/// symbols named; compatible is logged.
/// </summary>
public static class AbiCheck
{
    /// <summary>After the folder is cleared (its ABI files too, <see cref="AbiFiles.All"/>): the baseline's dump, when it has one.</summary>
    public static void Begin(AbiOptions? abi, string id, string folder)
    {
        if (abi?.BaselineDump(id) is { } dump && File.Exists(dump)) File.Copy(dump, Path.Combine(folder, AbiFiles.BaselineDump), overwrite: true);
    }

    public static (StepResult Step, AbiVerdict? Verdict) After(StepResult step, AbiOptions abi, string folder, string id, Action<string> log)
    {
        if (!abi.Compares || step.Status is not (StepStatus.Passed or StepStatus.Failed)) return (step, null);
        var verdict = Read(abi, folder, folder);
        if (verdict is null) return (step.Status == StepStatus.Passed ? step with { Status = StepStatus.Failed, Reason = "the ABI step wrote no report" } : step, null);
        log($"{id}: ABI {verdict.Describe()}");
        return verdict.Compatible
            ? (step with { Status = StepStatus.Passed, Reason = null }, verdict)
            : (step with { Status = StepStatus.Failed, Reason = $"ABI {verdict.Describe()}" }, verdict);
    }

    /// <summary>The verdict from the reports in <paramref name="from"/> (the folder, or a cache entry), naming the HTML report in <paramref name="folder"/>; null without a report.</summary>
    public static AbiVerdict? Read(AbiOptions abi, string from, string folder)
    {
        var xml = Path.Combine(from, AbiFiles.Xml);
        if (!File.Exists(xml) || new FileInfo(xml).Length == 0) return null;
        var symbols = Path.Combine(from, AbiFiles.Symbols);
        try
        {
            return AbiReport.Parse(File.ReadAllText(xml), File.Exists(symbols) ? File.ReadAllText(symbols) : null, abi.Baseline ?? "the baseline",
                Path.Combine(folder, AbiFiles.Html));
        }
        catch (System.Xml.XmlException) { return null; }
    }
}
