using Cake.Core.Diagnostics;

namespace RealmCi.Build.Host;

/// <summary>
/// Cake's log, less the engine's own "An error occurred when executing task" line: the host
/// reports every failure itself, once, as one line.
/// </summary>
internal sealed class HostLog(ICakeLog inner) : ICakeLog
{
    public Verbosity Verbosity { get => inner.Verbosity; set => inner.Verbosity = value; }

    public void Write(Verbosity verbosity, LogLevel level, string format, params object[] args)
    {
        if (level == LogLevel.Error && format.StartsWith("An error occurred when executing task", StringComparison.Ordinal)) return;
        inner.Write(verbosity, level, format, args);
    }
}
