namespace RealmCi.Build;

/// <summary>
/// Everything settings are resolved from, as plain data: the parsed command line, the
/// <c>[RealmCi]</c> values of cake.config (with <c>CAKE_REALMCI_*</c> variables already applied),
/// the environment, and the folders relative paths start from.
/// </summary>
public sealed record SettingsInputs
{
    /// <summary>Option name (lower case, no dashes) → every value given, in order.</summary>
    public ILookup<string, string> Arguments { get; init; } = Array.Empty<string>().ToLookup(a => a);

    /// <summary>Problems the command-line parser found (unknown options, missing values): reported with the others.</summary>
    public IReadOnlyList<string> ArgumentProblems { get; init; } = [];

    /// <summary>cake.config <c>[RealmCi]</c> key → value (keys as written; matched case-insensitively).</summary>
    public IReadOnlyDictionary<string, string> Config { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public required string Root { get; init; }

    public required string WorkingDirectory { get; init; }

    public required string Home { get; init; }

    public IReadOnlyList<string> Targets { get; init; } = [];

    public required string DefaultTarget { get; init; }

    /// <summary>Every option, with the targets that take it (see <see cref="TargetOptions"/>).</summary>
    public IReadOnlyList<BuildOption> Options { get; init; } = BuildOptions.All;

    /// <summary>Target → the targets it depends on (they run first; their options are taken too).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Dependencies { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Target → its own checks of the resolved settings (see <c>FrostingTask.Check</c>), run with every other check.</summary>
    public IReadOnlyDictionary<string, Func<Settings, IEnumerable<string>>> Checks { get; init; } = new Dictionary<string, Func<Settings, IEnumerable<string>>>();
}
