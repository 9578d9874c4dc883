using System.Collections.Immutable;

namespace RealmCi.Matrix;

/// <summary>
/// One quarantined test: in configurations whose Id matches <see cref="Configs"/>, the test
/// named (or globbed) by <see cref="Test"/> fails for a reason outside realm-ci (a Realm bug,
/// a sanitizer report). It is still run and reported — as quarantined, not failing the tier.
/// </summary>
public sealed record QuarantineEntry(string Configs, string Test, string Reason, Uri? Link, SourceSpan Where)
{
    public bool Matches(string configId, string testName) => Glob.Matches(Configs, configId) && Glob.Matches(Test, testName);

    /// <summary>Where the entry is and what it names, for a warning: <c>FILE:LINE: test 'T' (configs 'C')</c>.</summary>
    public string Describe() => $"{(Where.Line > 0 ? $"{Where.File}:{Where.Line}" : Where.File)}: test '{Test}' (configs '{Configs}')";
}

/// <summary>The matrix file's <c>quarantine</c> list; the first matching entry wins.</summary>
public sealed record Quarantine(ImmutableArray<QuarantineEntry> Entries)
{
    public static readonly Quarantine Empty = new(ImmutableArray<QuarantineEntry>.Empty);

    /// <summary>The entry that quarantines <paramref name="testName"/> in <paramref name="configId"/>, or null.</summary>
    public QuarantineEntry? Find(string configId, string testName)
    {
        foreach (var entry in Entries)
            if (entry.Matches(configId, testName)) return entry;
        return null;
    }

    /// <summary>Every entry that applies to a configuration (for reporting tests quarantined there).</summary>
    public IEnumerable<QuarantineEntry> For(string configId) => Entries.Where(e => Glob.Matches(e.Configs, configId));

    /// <summary>
    /// The entries for a configuration that name none of the tests its run accounted for (each
    /// test's reported name and, for tests sharing a name, the shared one): a test renamed or
    /// removed by the Realm under test leaves its entry guarding nothing.
    /// </summary>
    public IEnumerable<QuarantineEntry> Unmatched(string configId, IEnumerable<string> testNames)
    {
        var names = testNames.ToList();
        return For(configId).Where(e => !names.Any(n => Glob.Matches(e.Test, n)));
    }
}
