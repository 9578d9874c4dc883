namespace RealmCi.Errors;

/// <summary>The process exit codes, one meaning each. Documented in README.md.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A configuration failed to configure, build or pass its tests.</summary>
    public const int Failed = 1;

    /// <summary>Invalid input: the matrix file, arguments, cake.config or a path.</summary>
    public const int InvalidInput = 2;

    /// <summary>A required external system (the Docker engine, a source checkout) is unreachable.</summary>
    public const int Unavailable = 3;

    /// <summary>Interrupted by SIGINT or SIGTERM (128 + 2, the shell convention).</summary>
    public const int Interrupted = 130;
}
