using System.Collections.Immutable;

namespace RealmCi.Downstream;

/// <summary>The Canary target's own options: where each downstream's source is (<c>--downstream-source=NAME=PATH</c>) and the matrix file's folder (patches beside it).</summary>
public sealed record CanaryOptions(ImmutableSortedDictionary<string, string> DownstreamSources, string MatrixFolder)
{
    /// <summary>The reproduce command's extra arguments: every --downstream-source given.</summary>
    public ImmutableArray<string> ReproduceArguments => [.. DownstreamSources.Select(kv => $"--downstream-source={kv.Key}={kv.Value}")];
}
