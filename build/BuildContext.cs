using System.Collections.Immutable;
using Cake.Core;
using RealmCi.Errors;
using RealmCi.Matrix;
using Spectre.Console;

namespace RealmCi.Build;

/// <summary>
/// The typed options of one run, resolved once, top to bottom: built-in default →
/// cake.config (<c>[RealmCi]</c> section, or <c>CAKE_REALMCI_*</c> variables) → command line.
/// </summary>
public sealed class BuildContext : CakeContextAdapter
{
    public BuildContext(ICakeContext context, string root, IAnsiConsole output, Stream standardOutput) : base(context)
    {
        Root = root;
        Output = output;
        StandardOutput = standardOutput;
        MatrixFile = Path(Setting("matrix", "Matrix") ?? "matrix/realm.yaml", fromConfig: Argument("matrix") is null);
        Format = Argument("format") switch
        {
            null or "table" => ListingFormat.Table,
            "json" => ListingFormat.Json,
            var other => throw new RealmCiException($"--format={other}: expected table or json"),
        };
        Explain = Argument("explain");
        Selection = new SelectionOptions
        {
            Profile = Setting("profile", "Profile"),
            Configs = Values("config"),
            Select = Values("select"),
            Skip = Values("skip"),
            Shard = Argument("shard") is { } shard ? Shard.Parse(shard) : null,
            CommandLine = Facets.Empty with
            {
                Cmake = KeyValues("define").ToImmutableSortedDictionary(StringComparer.Ordinal),
                Env = KeyValues("env").ToImmutableSortedDictionary(StringComparer.Ordinal),
            },
        };
    }

    /// <summary>The folder holding cake.config: relative paths in cake.config start here.</summary>
    public string Root { get; }

    /// <summary>Standard output, for what a target produces (tables, JSON).</summary>
    public IAnsiConsole Output { get; }

    public Stream StandardOutput { get; }

    public string MatrixFile { get; }

    public ListingFormat Format { get; }

    public string? Explain { get; }

    public SelectionOptions Selection { get; }

    /// <summary>Set by a target that ran to the end but found failures (exit code 1).</summary>
    public int ExitCode { get; set; }

    public string? Argument(string name) => Arguments.HasArgument(name) ? Arguments.GetArguments(name).Last() : null;

    private ImmutableArray<string> Values(string name) =>
        Arguments.HasArgument(name) ? [.. Arguments.GetArguments(name)] : [];

    private string? Setting(string argument, string configKey) =>
        Argument(argument) ?? (Configuration.GetValue($"RealmCi_{configKey}") is { Length: > 0 } value ? value : null);

    private string Path(string path, bool fromConfig) =>
        System.IO.Path.GetFullPath(path, fromConfig ? Root : System.Environment.CurrentDirectory);

    private IEnumerable<KeyValuePair<string, string>> KeyValues(string name) => Values(name).Select(text =>
    {
        var eq = text.IndexOf('=');
        if (eq <= 0) throw new RealmCiException($"--{name}={text}: expected KEY=VALUE");
        return KeyValuePair.Create(text[..eq], text[(eq + 1)..]);
    });
}
