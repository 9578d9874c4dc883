namespace RealmCi.Results;

/// <summary>
/// The ABI check's answer for one configuration (<c>--abi-baseline=REF</c>): compatible or
/// incompatible with the baseline's shared library, the exported symbols it removed, the symbols
/// and types whose binary interface changed (high and medium severity), and the HTML report.
/// Names are demangled (<c>realm::sum(int const*, int)</c>).
/// </summary>
public sealed record AbiVerdict(string Baseline, bool Compatible, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed, string Report)
{
    public string Verdict => Compatible ? "compatible" : "incompatible";

    /// <summary>One line for summaries: <c>incompatible with v1.0 (abc123): removed realm::sum(int const*, int)</c>.</summary>
    public string Describe()
    {
        if (Compatible) return $"compatible with {Baseline}";
        var parts = new List<string>();
        if (Removed.Count > 0) parts.Add($"{Removed.Count} removed: {string.Join("; ", Removed.Take(5))}{(Removed.Count > 5 ? "; …" : "")}");
        if (Changed.Count > 0) parts.Add($"{Changed.Count} changed: {string.Join("; ", Changed.Take(5))}{(Changed.Count > 5 ? "; …" : "")}");
        return $"incompatible with {Baseline}{(parts.Count > 0 ? ": " + string.Join(", ", parts) : "")} (report: {Report})";
    }
}
