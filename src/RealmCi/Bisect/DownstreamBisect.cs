using RealmCi.Downstream;
using RealmCi.Errors;
using RealmCi.Matrix;

namespace RealmCi.Bisect;

/// <summary>
/// Bisect --downstream[=NAME]: the downstream of the matrix file whose tests decide, and the
/// canary's options (where its source is). Without a name the matrix file must have exactly one.
/// </summary>
public sealed record DownstreamBisect(DownstreamProject Project, CanaryOptions Canary)
{
    /// <summary>The downstream <paramref name="name"/> names (null or empty: the only one), or exit 2 saying which there are.</summary>
    public static DownstreamBisect For(MatrixDefinition matrix, string? name, CanaryOptions canary)
    {
        var names = matrix.Downstreams.Keys.Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
            throw new RealmCiException($"--downstream: {matrix.File} has no downstreams: section (see matrix/README.md, 'Downstream projects')", ExitCodes.InvalidInput);
        foreach (var given in canary.DownstreamSources.Keys.Where(n => !matrix.Downstreams.ContainsKey(n)))
            throw new RealmCiException($"--downstream-source={given}=…: '{given}' is not a downstream of {matrix.File} ({Suggest.Hint(given, names)})", ExitCodes.InvalidInput);
        if (string.IsNullOrEmpty(name))
            return names.Count == 1 ? new(matrix.Downstreams[names[0]], canary)
                : throw new RealmCiException($"--downstream: {matrix.File} has {names.Count} downstreams ({string.Join(", ", names)}); name one: --downstream=NAME", ExitCodes.InvalidInput);
        return matrix.Downstreams.TryGetValue(name, out var d) ? new(d, canary)
            : throw new RealmCiException($"--downstream={name}: not a downstream of {matrix.File} ({Suggest.Hint(name, names)})", ExitCodes.InvalidInput);
    }
}
