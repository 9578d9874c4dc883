using RealmCi.Results;
using System.Collections.Immutable;
using RealmCi.CMake;
using RealmCi.Containers;

namespace RealmCi.Execution;

/// <summary>
/// Where an executor runs a configuration's commands: the paths as the commands see them, and
/// for Docker the image, mounts, user and the run's labels. Input to <see cref="StepPlanner"/>.
/// </summary>
public sealed record ExecutorLayout(ExecutorKind Kind, WorkLayout Paths, string CcacheDir)
{
    public string? Image { get; init; }

    public ImmutableArray<Mount> Mounts { get; init; } = [];

    public string? User { get; init; }

    public ImmutableSortedDictionary<string, string> Labels { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Host only: whether ccache is installed (in a container, the image's packages say).</summary>
    public bool CcacheInstalled { get; init; }

    public bool IsDocker => Kind == ExecutorKind.Docker;

    /// <summary>A container: source read-only at /src, the configuration's folder at /work, ccache at /ccache.</summary>
    public static ExecutorLayout Docker(string image, string sourceOnHost, string workOnHost, string ccacheOnHost, string user, ImmutableSortedDictionary<string, string> labels) =>
        new(ExecutorKind.Docker, new WorkLayout("/src", "/work"), "/ccache")
        {
            Image = image,
            Mounts = [new(sourceOnHost, "/src", ReadOnly: true), new(workOnHost, "/work"), new(ccacheOnHost, "/ccache")],
            User = user,
            Labels = labels,
        };

    /// <summary>This machine: the real folders.</summary>
    public static ExecutorLayout Host(string sourceOnHost, string workOnHost, string ccacheOnHost, bool ccacheInstalled) =>
        new(ExecutorKind.Host, new WorkLayout(sourceOnHost, workOnHost), ccacheOnHost) { CcacheInstalled = ccacheInstalled };
}
