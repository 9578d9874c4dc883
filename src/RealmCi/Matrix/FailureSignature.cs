using System.Collections.Immutable;
using System.Text.RegularExpressions;
using RealmCi.CMake;

namespace RealmCi.Matrix;

/// <summary>
/// A known failure: a log line matching <see cref="Pattern"/> in a failing step's log (one of
/// <see cref="Steps"/>, or any step when empty) means <see cref="Explanation"/>, and
/// <see cref="Fix"/> says what to do. Read from the matrix file's <c>signatures:</c> list.
/// </summary>
public sealed record FailureSignature(
    string Name, ImmutableArray<StepKind> Steps, Regex Pattern, string Explanation, string Fix, Uri? Link, SourceSpan Where)
{
    /// <summary>The time one line may take to match: a pathological pattern cannot stall a report.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    public bool AppliesTo(StepKind step) => Steps.IsEmpty || Steps.Contains(step);

    public bool Matches(string line)
    {
        try { return Pattern.IsMatch(line); }
        catch (RegexMatchTimeoutException) { return false; }
    }
}

/// <summary>A signature found in a log: the signature, the 1-based line number and the line.</summary>
public sealed record SignatureMatch(FailureSignature Signature, int LineNumber, string Line);

/// <summary>The matrix file's <c>signatures</c>, in file order.</summary>
public sealed record FailureSignatures(ImmutableArray<FailureSignature> Entries)
{
    public static readonly FailureSignatures Empty = new(ImmutableArray<FailureSignature>.Empty);

    /// <summary>
    /// Every signature that applies to <paramref name="step"/> and matches a line of the log, each
    /// with the first line it matched, in file order (a failure can carry more than one cause).
    /// </summary>
    public IReadOnlyList<SignatureMatch> Find(StepKind step, IEnumerable<string> lines)
    {
        var candidates = Entries.Where(s => s.AppliesTo(step)).ToList();
        if (candidates.Count == 0) return [];
        var found = new SignatureMatch?[candidates.Count];
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            for (var i = 0; i < candidates.Count; i++)
                if (found[i] is null && candidates[i].Matches(line)) found[i] = new(candidates[i], number, line);
            if (found.All(f => f is not null)) break;
        }
        return found.OfType<SignatureMatch>().ToList();
    }
}
