using System.Collections.Immutable;

namespace RealmCi.Matrix;

/// <summary>
/// The settings a layer of the matrix contributes (defaults, an axis value, an include, an
/// override, the command line). Layers merge with <see cref="Then"/>: maps merge key by key
/// (the later layer wins), lists append without duplicates, scalars are replaced when set.
/// </summary>
public sealed record Facets
{
    public static readonly Facets Empty = new();

    /// <summary>CMake cache definitions, <c>-DKEY=VALUE</c>.</summary>
    public ImmutableSortedDictionary<string, string> Cmake { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Environment of every step (configure, build, test, install).</summary>
    public ImmutableSortedDictionary<string, string> Env { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Distribution packages installed in the image.</summary>
    public ImmutableArray<string> Packages { get; init; } = [];

    /// <summary>Name of an entry of the matrix file's <c>bases</c>.</summary>
    public string? Base { get; init; }

    /// <summary>Extra Dockerfile <c>RUN</c> commands, after the packages.</summary>
    public ImmutableArray<string> Run { get; init; } = [];

    public ContainerFacet Container { get; init; } = ContainerFacet.Empty;

    public TestFacet Test { get; init; } = TestFacet.Empty;

    /// <summary>What preparing or testing needs beyond the package mirror (<see cref="Requirement"/>): internet, registry, gpu.nvidia, gpu.amd.</summary>
    public ImmutableArray<string> Requires { get; init; } = [];

    /// <summary>Names of entries of the matrix file's <c>sources</c>, copied into the image build.</summary>
    public ImmutableArray<string> Sources { get; init; } = [];

    /// <summary>
    /// What the build step builds (<c>cmake --build --target …</c>); empty: everything. For a
    /// project some of whose targets cannot build in a configuration (say why in the matrix).
    /// </summary>
    public ImmutableArray<string> Targets { get; init; } = [];

    public Facets Then(Facets later) => ReferenceEquals(later, Empty) ? this : new()
    {
        Cmake = Cmake.SetItems(later.Cmake),
        Env = Env.SetItems(later.Env),
        Packages = Union(Packages, later.Packages),
        Base = later.Base ?? Base,
        Run = Union(Run, later.Run),
        Container = Container.Then(later.Container),
        Test = Test.Then(later.Test),
        Requires = Union(Requires, later.Requires),
        Sources = Union(Sources, later.Sources),
        Targets = Union(Targets, later.Targets),
    };

    internal static ImmutableArray<string> Union(ImmutableArray<string> first, ImmutableArray<string> second)
    {
        if (second.IsDefaultOrEmpty) return first;
        if (first.IsDefaultOrEmpty) return second;
        var builder = first.ToBuilder();
        foreach (var item in second)
            if (!builder.Contains(item)) builder.Add(item);
        return builder.ToImmutable();
    }
}

/// <summary>What a configuration asks of its container.</summary>
public sealed record ContainerFacet
{
    public static readonly ContainerFacet Empty = new();

    /// <summary>GPUs to request when the host has them: a count or <c>all</c>.</summary>
    public string? Gpus { get; init; }

    /// <summary>Size of /dev/shm, e.g. <c>1g</c> (MPI and UCX need more than Docker's 64 MB).</summary>
    public string? ShmSize { get; init; }

    public ContainerFacet Then(ContainerFacet later) => new()
    {
        Gpus = later.Gpus ?? Gpus,
        ShmSize = later.ShmSize ?? ShmSize,
    };
}

/// <summary>How a configuration's tests run.</summary>
public sealed record TestFacet
{
    public static readonly TestFacet Empty = new();

    /// <summary>ctest labels to run (<c>-L</c>); empty means all.</summary>
    public ImmutableArray<string> Labels { get; init; } = [];

    /// <summary>ctest labels to leave out (<c>-LE</c>).</summary>
    public ImmutableArray<string> ExcludeLabels { get; init; } = [];

    /// <summary>Per-test timeout in seconds.</summary>
    public int? Timeout { get; init; }

    /// <summary>Processes per multi-process test (1: no launcher).</summary>
    public int? Ranks { get; init; }

    /// <summary>Launcher prefix for multi-process tests; <c>{ranks}</c> is replaced.</summary>
    public ImmutableArray<string> Launcher { get; init; } = [];

    /// <summary>Labels of the tests that run behind the launcher (empty: every test).</summary>
    public ImmutableArray<string> LaunchLabels { get; init; } = [];

    /// <summary>Tests (ctest labels) that need a GPU: skipped with a reason when none is present.</summary>
    public ImmutableArray<string> GpuLabels { get; init; } = [];

    /// <summary>ctest <c>-R</c>: only tests whose names match (a downstream's tests have no labels).</summary>
    public string? Regex { get; init; }

    /// <summary>ctest <c>-E</c>: leave out tests whose names match.</summary>
    public string? ExcludeRegex { get; init; }

    /// <summary>
    /// When this selection is one part of a split of one build's tests (the canary's downstream run and its run of
    /// Realm's older tests): the other part and what it is called. A test left out here that the other part selects is
    /// accounted as run elsewhere, not as filtered away. Reporting only: not part of the result cache's key.
    /// </summary>
    public SplitPart? Elsewhere { get; init; }

    public TestFacet Then(TestFacet later) => new()
    {
        Regex = later.Regex ?? Regex,
        ExcludeRegex = later.ExcludeRegex ?? ExcludeRegex,
        Labels = Facets.Union(Labels, later.Labels),
        ExcludeLabels = Facets.Union(ExcludeLabels, later.ExcludeLabels),
        Timeout = later.Timeout ?? Timeout,
        Ranks = later.Ranks ?? Ranks,
        Launcher = later.Launcher.IsDefaultOrEmpty ? Launcher : later.Launcher,
        LaunchLabels = Facets.Union(LaunchLabels, later.LaunchLabels),
        GpuLabels = Facets.Union(GpuLabels, later.GpuLabels),
        Elsewhere = later.Elsewhere ?? Elsewhere,
    };
}

/// <summary>The other part of a split test selection (<see cref="TestFacet.Elsewhere"/>): its name as a report says it, and its filters.</summary>
public sealed record SplitPart(string Name, TestFacet Selection);
