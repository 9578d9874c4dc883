namespace RealmCi.Errors;

/// <summary>
/// An error the user can act on. The host prints <see cref="Exception.Message"/> as one
/// line (no stack trace) and exits with <see cref="ExitCode"/>.
/// </summary>
public class RealmCiException(string message, int exitCode = ExitCodes.InvalidInput, Exception? inner = null)
    : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}
