using Cake.Core;
using Cake.Core.Diagnostics;

namespace RealmCi.Build.Host;

/// <summary>Cake's per-task timing report, on standard error and only at verbose level.</summary>
internal sealed class ReportPrinter(ICakeLog log) : ICakeReportPrinter
{
    public void Write(CakeReport report)
    {
        foreach (var entry in report)
            log.Verbose("task {0,-12} {1,-10} {2:hh\\:mm\\:ss\\.ff}", entry.TaskName, entry.ExecutionStatus, entry.Duration);
    }

    public void WriteStep(string name, Verbosity verbosity) => log.Verbose("==> {0}", name);

    public void WriteLifeCycleStep(string name, Verbosity verbosity) => log.Debug("==> {0}", name);

    public void WriteSkippedStep(string name, Verbosity verbosity) => log.Verbose("==> {0} (skipped)", name);
}
