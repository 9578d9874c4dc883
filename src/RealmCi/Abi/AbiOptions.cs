using RealmCi.Matrix;

namespace RealmCi.Abi;

/// <summary>
/// The ABI check of a run: the library to dump (matrix <c>abi:</c>) and the version label its dump
/// carries. A baseline's run only dumps; the run under test also compares with the baseline's dump
/// of the same configuration, found in <see cref="BaselineArtifacts"/>/ID/abi.dump.
/// </summary>
public sealed record AbiOptions(AbiLibrary Library, string Label)
{
    /// <summary>The baseline run's artifacts folder; null for the baseline run itself.</summary>
    public string? BaselineArtifacts { get; init; }

    /// <summary>The ref given to --abi-baseline (the run under test only).</summary>
    public string? Reference { get; init; }

    /// <summary>The baseline as the verdict names it: <c>REF (commit)</c>.</summary>
    public string? Baseline { get; init; }

    /// <summary>The baseline's commit: it joins the configuration (and so the result-cache key) of the run under test.</summary>
    public string? BaselineCommit { get; init; }

    public bool Compares => BaselineArtifacts is not null;

    /// <summary>The baseline's dump for configuration <paramref name="id"/>.</summary>
    public string? BaselineDump(string id) => BaselineArtifacts is null ? null : Path.Combine(BaselineArtifacts, id, AbiFiles.Dump);
}

/// <summary>The ABI check's files in a configuration's folder (kept by the result cache, cleared before a run).</summary>
public static class AbiFiles
{
    public const string Dump = "abi.dump", BaselineDump = "abi-baseline.dump", Html = "abi-report.html", Xml = "abi-report.xml", Symbols = "abi-symbols.txt";

    public static readonly string[] All = [Dump, BaselineDump, Html, Xml, Symbols];
}
