namespace RealmCi.Errors;

/// <summary>
/// The process exit codes: one table for every target, one meaning each. Documented in
/// README.md ("Exit codes", whose rows open with these meanings: a test compares them); <c>--help</c> prints the same table.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A configuration failed to configure, build or pass its tests (or a check found a difference).</summary>
    public const int Failed = 1;

    /// <summary>Invalid input: the matrix file, arguments, cake.config, a path, or a source checkout that cannot give the project its version.</summary>
    public const int InvalidInput = 2;

    /// <summary>A required external system (the Docker engine, a source checkout, the artifacts folder's lock, disk space) is unavailable.</summary>
    public const int Unavailable = 3;

    /// <summary>A selected configuration needs what this host cannot offer (a GPU, a registry, the internet), or the source under test cannot be built in it (a matrix override's unsupported:): reported as unavailable, nothing else failed.</summary>
    public const int ConfigurationUnavailable = 4;

    /// <summary>The selection is empty: nothing to do (a CI job that asked for work must not go green by accident).</summary>
    public const int EmptySelection = 5;

    /// <summary>A defect in realm-ci itself (an unexpected exception); rerun with --verbosity=diagnostic for the trace.</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted by SIGINT or SIGTERM (128 + 2, the shell convention).</summary>
    public const int Interrupted = 130;

    /// <summary>The table, as <c>--help</c> and the README show it.</summary>
    public static readonly IReadOnlyList<(int Code, string Meaning)> Table =
    [
        (Success, "success"),
        (Failed, "a configuration failed to configure, build or pass its tests (or a check found a difference)"),
        (InvalidInput, "invalid input: matrix file, options (also one given to a target that does not take it), cake.config, a source checkout that cannot give its version"),
        (Unavailable, "an external system is unavailable: the Docker engine, the source checkout, the artifacts folder (in use by another run), or disk space"),
        (ConfigurationUnavailable, "a selected configuration cannot run on this host (needs a GPU, a registry, the internet), or the matrix says the source under test cannot be built in it (`unsupported:`); the rest passed"),
        (EmptySelection, "the selection is empty: nothing to do (in every target)"),
        (InternalError, "internal error: a defect in realm-ci (rerun with --verbosity=diagnostic for the trace)"),
        (Interrupted, "interrupted (Ctrl-C, SIGTERM)"),
    ];
}
