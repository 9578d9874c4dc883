using RealmCi.Results;
using System.Collections.Immutable;
using RealmCi.Containers;
using RealmCi.Execution;
using RealmCi.Images;
using RealmCi.Matrix;

namespace RealmCi.IntegrationTests;

/// <summary>
/// The real Docker engine (DOCKER_HOST or the default socket) and the fixture project. The
/// first use bootstraps a Debian 12 base with debootstrap and builds the fixture's image —
/// the same path an air-gapped site takes — so later tests start from a warm engine.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    /// <summary>This machine as the front end's host layer would describe it (integration tests may read the real host).</summary>
    public static HostFacts Host { get; } = HostFacts.Neutral with
    {
        Environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToImmutableSortedDictionary(e => (string)e.Key, e => e.Value as string ?? "", StringComparer.Ordinal),
        User = HostFacts.CurrentUser(),
        Cores = Environment.ProcessorCount,
        EngineEndpoint = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : HostFacts.Neutral.EngineEndpoint,
    };

    public DockerEngine Engine { get; } = new(Host.EngineEndpoint);

    public static string Root { get; } = FindRoot();

    public static string FixtureSource => Path.Combine(Root, "tests", "fixtures", "mini-realm");

    public ExpandedMatrix Matrix { get; } = MatrixFile.Open(Path.Combine(FixtureSource, "matrix.yaml"));

    public string Work { get; } = Directory.CreateTempSubdirectory("realm-ci-it-").FullName;

    public BuildConfiguration Config(string id, Facets? commandLine = null) =>
        Selector.Select(Matrix, new SelectionOptions { Configs = [id], CommandLine = commandLine ?? Facets.Empty }).Configurations[0];

    public PipelineOptions Options(string name) => new()
    {
        Source = FixtureSource,
        Artifacts = Path.Combine(Work, name),
        Cache = Path.Combine(Work, "cache"),
        Executor = ExecutorKind.Docker,
        Pull = false, // no registry here: never ask one
        Parallel = 2,
        Jobs = 2,
        GpuPresent = false,
        Host = Host,
        RunId = $"it-{name}-{Guid.NewGuid():N}"[..24],
    };

    public async Task InitializeAsync()
    {
        await Engine.PingAsync(CancellationToken.None);
        // Prepare the fixture's image once (bootstrapping the base if the engine lacks it).
        await new ImagePreparer(Engine, allowPull: false).PrepareAsync(Config("release-local"), _ => { }, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Work, recursive: true);
        Engine.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Containers still present with the run's label (there must be none).</summary>
    public async Task<IReadOnlyList<string>> Leftovers(string runId) =>
        (await Engine.ContainersAsync(Labels.Run, runId, CancellationToken.None)).Select(c => c.Id).ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "cake.config"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}

[CollectionDefinition("engine")]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>;
