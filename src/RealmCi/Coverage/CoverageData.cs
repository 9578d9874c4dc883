using System.Collections.Immutable;

namespace RealmCi.CodeCoverage;

/// <summary>One source line with code: how often it ran, and its branches (total, taken).</summary>
public sealed record LineCoverage(int Line, long Count, int Branches, int BranchesTaken);

/// <summary>A function by its start line (gcovr 5.2's JSON gives no end line).</summary>
public sealed record FunctionCoverage(string Name, int StartLine, long Count);

/// <summary>One source file's coverage, paths relative to the report's root.</summary>
public sealed record FileCoverage(string File, ImmutableArray<LineCoverage> Lines, ImmutableArray<FunctionCoverage> Functions)
{
    public int LinesCovered => Lines.Count(l => l.Count > 0);

    public int BranchesTotal => Lines.Sum(l => l.Branches);

    public int BranchesTaken => Lines.Sum(l => l.BranchesTaken);

    /// <summary>The function a line belongs to: the last one starting at or before it (start lines only).</summary>
    public string FunctionAt(int line) =>
        Functions.Where(f => f.StartLine <= line).OrderBy(f => f.StartLine).LastOrDefault()?.Name ?? "(file scope)";
}

/// <summary>A coverage report: every file with code that the build compiled (a file absent here was not compiled).</summary>
public sealed record CoverageData(ImmutableSortedDictionary<string, FileCoverage> Files)
{
    public static readonly CoverageData Empty = new(ImmutableSortedDictionary<string, FileCoverage>.Empty.WithComparers(StringComparer.Ordinal));
}
