using System.Reflection;
using RealmCi.Errors;

namespace RealmCi.Build.Host;

/// <summary>
/// The last-resort handler: an exception nobody expected is a defect in realm-ci. It becomes
/// one line and exit code 70; <c>--verbosity=diagnostic</c> adds the trace.
/// </summary>
public static class LastResort
{
    public static int Report(Exception exception, bool diagnostic, TextWriter stderr)
    {
        var e = Unwrap(exception);
        var message = string.Join(' ', e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (DiskFull(e))
        {
            // Not a defect: the machine ran out of disk. Say what to do, not "internal error".
            stderr.WriteLine($"error: {message} — free space and rerun (./build.sh --target=Clean lists realm-ci's images, build trees and caches; --remove deletes them)");
            if (diagnostic) stderr.WriteLine(exception.ToString());
            return ExitCodes.Unavailable;
        }
        stderr.WriteLine(diagnostic
            ? $"internal error: {e.GetType().FullName}: {message}"
            : $"internal error: {e.GetType().FullName}: {message}; rerun with --verbosity=diagnostic for the trace");
        if (diagnostic) stderr.WriteLine(exception.ToString());
        return ExitCodes.InternalError;
    }

    /// <summary>ENOSPC (28) on Unix; ERROR_HANDLE_DISK_FULL (39) / ERROR_DISK_FULL (112) on Windows.</summary>
    internal static bool DiskFull(Exception e) =>
        e is IOException && ((e.HResult & 0xFFFF) is 28 or 39 or 112 || e.Message.Contains("No space left on device", StringComparison.Ordinal));

    /// <summary>The exception itself, not the wrappers around it (tasks, reflection).</summary>
    private static Exception Unwrap(Exception e)
    {
        while (true)
        {
            if (e is AggregateException { InnerExceptions.Count: 1 } aggregate) e = aggregate.InnerExceptions[0];
            else if (e is TargetInvocationException { InnerException: { } inner }) e = inner;
            else if (e.GetType().FullName == "Cake.Core.CakeReportException" && e.InnerException is { } reported) e = reported;
            else return e;
        }
    }
}
