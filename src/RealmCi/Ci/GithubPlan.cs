using System.Text;
using System.Text.Json;

namespace RealmCi.Ci;

/// <summary>One entry of a GitHub caller job's matrix: what the reusable job workflow needs for one configuration (or shard).</summary>
public sealed record GithubEntry(string Name, string Args, string Cache, string TestCache, string? Empty = null, string? BuildArgs = null, string? Folder = null, string? PackDir = null)
{
    /// <summary>The test (or whole) job's and the build job's time limits, in minutes.</summary>
    public int Timeout { get; init; } = 360;

    public int BuildTimeout { get; init; } = 360;

    public bool Pack => BuildArgs is not null;
}

/// <summary>
/// A profile's jobs for GitHub, grouped by <see cref="JobKind"/>, and (dynamic mode) the plan
/// job's output: <c>matrix-KIND={"include":[…]}</c> and <c>count-KIND=N</c> lines, appended to
/// <c>$GITHUB_OUTPUT</c> as they are.
/// </summary>
public static class GithubPlan
{
    public static IReadOnlyList<(JobKind Kind, IReadOnlyList<GithubEntry> Entries)> ByKind(ProfilePlan plan, CiSettings settings)
    {
        if (plan.Jobs.Count == 0)
            return [(new JobKind(settings.DefaultRunner, null), [new GithubEntry("no-configurations", "", "realm-ci/none/", "realm-ci-test/none/", JobCommand.EmptyMessage(plan.Profile, plan.Description)) { Timeout = 10, BuildTimeout = 10 }])];
        var kinds = new List<(JobKind Kind, List<GithubEntry> Entries)>();
        foreach (var job in plan.Jobs)
        {
            var kind = JobKind.Of(job);
            var slot = kinds.FindIndex(k => k.Kind.SameAs(kind));
            if (slot < 0) { kinds.Add((kind, [])); slot = kinds.Count - 1; }
            kinds[slot].Entries.Add(Entry(job) with
            {
                Timeout = JobTimeout.Minutes(settings, plan.Profile, job, job.BuildOn is null ? JobTimeout.Part.Whole : JobTimeout.Part.Test, !job.Runner.SelfHosted),
                BuildTimeout = JobTimeout.Minutes(settings, plan.Profile, job, JobTimeout.Part.Build, job.BuildOn is not { SelfHosted: true }),
            });
        }
        return kinds.Select(k => (k.Kind, (IReadOnlyList<GithubEntry>)k.Entries)).ToList();
    }

    /// <summary>The plan job's output lines for every kind the committed workflow has a caller for (empty kinds: count 0).</summary>
    public static string Outputs(ProfilePlan plan, CiSettings settings)
    {
        var filled = ByKind(plan, settings);
        var text = new StringBuilder();
        foreach (var kind in JobKind.Possible(settings, plan.Trust))
        {
            var entries = filled.FirstOrDefault(f => f.Kind.SameAs(kind)).Entries ?? [];
            text.Append($"matrix-{Suffix(kind)}=").Append(Json(entries)).Append('\n');
            text.Append($"count-{Suffix(kind)}={entries.Count}\n");
        }
        var missing = filled.Where(f => !JobKind.Possible(settings, plan.Trust).Any(k => k.SameAs(f.Kind))).Select(f => f.Kind.Id).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"plan has jobs of kinds the workflow has no caller for: {string.Join(", ", missing)}");
        return text.ToString();
    }

    /// <summary>The output name's part after <c>matrix-</c>/<c>count-</c>: the kind's id without <c>run-</c>.</summary>
    public static string Suffix(JobKind kind) => kind.Id["run-".Length..];

    private static GithubEntry Entry(CiJob job) => job.BuildOn is null
        ? new GithubEntry(job.Name, string.Join(' ', job.Args), JobCommand.GithubCacheKey(job.Name), JobCommand.GithubTestCacheKey(job.Name))
        : new GithubEntry(job.Name, string.Join(' ', job.TestArgs), JobCommand.GithubCacheKey(job.Name), JobCommand.GithubTestCacheKey(job.Name),
            BuildArgs: string.Join(' ', job.Args), Folder: job.PacksFolder, PackDir: job.PackPath[..job.PackPath.LastIndexOf('/')]);

    public static string Json(IReadOnlyList<GithubEntry> entries)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("include");
            foreach (var e in entries)
            {
                json.WriteStartObject();
                json.WriteString("name", e.Name);
                json.WriteString("args", e.Args);
                json.WriteString("cache", e.Cache);
                json.WriteString("test-cache", e.TestCache);
                json.WriteBoolean("pack", e.Pack);
                json.WriteString("build-args", e.BuildArgs ?? "");
                json.WriteString("folder", e.Folder ?? "");
                json.WriteString("packdir", e.PackDir ?? "");
                json.WriteString("empty", e.Empty ?? "");
                json.WriteNumber("timeout", e.Timeout);
                json.WriteNumber("build-timeout", e.BuildTimeout);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
