using System.Text;
using RealmCi.Errors;
using RealmCi.Matrix;
using RealmCi.Reporting;

namespace RealmCi.Ci;

/// <summary>What the <c>Ci</c> target was asked for.</summary>
public sealed record CiRequest
{
    public required CiPlatform Platform { get; init; }
    public required string MatrixFile { get; init; }

    /// <summary>realm-ci's own folder: the matrix path in jobs is relative to it, and its git HEAD is the default pin.</summary>
    public required string Root { get; init; }
    public IReadOnlyList<string> Profiles { get; init; } = [];
    public SelectionOptions Selection { get; init; } = new();
    public bool Static { get; init; }
    public bool Plan { get; init; }

    /// <summary>With <see cref="Plan"/>: the pipeline runs unapproved code (a pull/merge request): leave out every job on a self-hosted runner.</summary>
    public bool Untrusted { get; init; }

    /// <summary>Overwrite a hand-written file that is not realm-ci's (GitLab's .gitlab-ci.yml).</summary>
    public bool Force { get; init; }
    public bool Check { get; init; }
    public required string Output { get; init; }

    /// <summary>ci.yaml (default: next to the matrix file).</summary>
    public string? SettingsFile { get; init; }

    /// <summary>The platform's limits (default: its documented ones).</summary>
    public Caps? Caps { get; init; }

    /// <summary>With <see cref="Plan"/>: the checkout under test (<c>--realm-source</c>), whose facts leave out the configurations it cannot be built in.</summary>
    public string? Source { get; init; }

    /// <summary>With <see cref="Plan"/>: where the configurations left out as unsupported are listed (stdout is the plan itself).</summary>
    public TextWriter? Log { get; init; }
}

/// <summary>
/// The <c>Ci</c> target: the files for a platform (dynamic or static), written, checked
/// against what is committed, or (<c>--plan</c>) one profile's job list at run time.
/// </summary>
public static class CiGenerator
{
    /// <summary>Relative path → content, in a stable order.</summary>
    public static IReadOnlyList<(string Path, string Text)> Files(CiRequest request)
    {
        var (plans, settings) = Plans(request);
        var caps = request.Caps ?? Caps.For(request.Platform);
        var files = new List<(string, string)>();
        var platform = request.Platform == CiPlatform.Github ? "github" : "gitlab";
        var mode = request.Static ? " --static" : "";
        var profiles = plans.Select(p => p.Plan.Profile).Distinct().ToList();
        var matrixPath = plans[0].Command.MatrixPath;
        if (request.Platform == CiPlatform.Github)
        {
            foreach (var (plan, command) in plans)
                files.Add((GithubWorkflow.FileName(plan.Profile, plan.Trust), settings.TargetOf(plan.Profile) == "Release"
                    ? GithubRelease.Write(plan, command, settings, Header(platform, mode, [plan.Profile], matrixPath, settings))
                    : GithubWorkflow.Write(plan, command, settings, !request.Static, Header(platform, mode, [plan.Profile], matrixPath, settings))));
            files.Add((GithubJobWorkflow.FileName, GithubJobWorkflow.Write(plans[0].Command, Header(platform, mode, profiles, matrixPath, settings))));
        }
        else
        {
            files.Add((GitlabPipeline.IncludingFile, GitlabPipeline.Including(Header(platform, mode, profiles, matrixPath, settings))));
            files.Add((GitlabPipeline.ParentFile, GitlabParent.Write(plans, settings, !request.Static, Header(platform, mode, profiles, matrixPath, settings))));
            if (request.Static)
                foreach (var (plan, command) in plans)
                    files.Add((GitlabPipeline.ChildFile(plan.Profile, plan.Trust), GitlabPipeline.Child(plan, command, settings, Header(platform, mode, [plan.Profile], matrixPath, settings))));
        }
        foreach (var (path, text) in files)
            if (Encoding.UTF8.GetByteCount(text) > caps.MaxBytes)
                throw new RealmCiException($"{path}: the generated file would be {Encoding.UTF8.GetByteCount(text)} bytes, over the platform's {caps.MaxBytes}; use the dynamic mode (no --static) or fewer profiles", ExitCodes.InvalidInput);
        return files;
    }

    /// <summary>One profile's job list for the running pipeline: GitHub, <c>$GITHUB_OUTPUT</c> lines (one matrix per kind of job); GitLab, a child pipeline.</summary>
    public static string Plan(CiRequest request)
    {
        if (request.Profiles.Distinct().Count() != 1) throw new RealmCiException("--plan: give exactly one --profile (the pipeline that is running)");
        var trust = request.Untrusted ? Trust.Untrusted : Trust.Trusted;
        var (plans, settings) = Plans(request, trust);
        var (plan, command) = plans[0];
        foreach (var (id, why) in plan.Unsupported) request.Log?.WriteLine($"--plan: left out {id}: {why}");
        return request.Platform == CiPlatform.Github
            ? GithubPlan.Outputs(plan, settings)
            : GitlabPipeline.Child(plan, command, settings, Header("gitlab", " --plan", [plan.Profile], command.MatrixPath, settings), GitlabParent.PlanJob(plan.Profile));
    }

    /// <summary>Writes the files (or, with --check, compares them); returns the exit code.</summary>
    public static int Run(CiRequest request, TextWriter stdout)
    {
        if (request.Plan) { stdout.Write(Plan(request)); return ExitCodes.Success; }
        var files = Files(request);
        var stale = 0;
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(request.Output, path);
            var current = File.Exists(full) ? File.ReadAllText(full) : null;
            if (path == GitlabPipeline.IncludingFile && current is not null && current != text && !current.StartsWith("# Generated by realm-ci", StringComparison.Ordinal) && !request.Force)
            {
                if (GitlabPipeline.Includes(current)) { stdout.WriteLine($"kept {path} (hand-written; it includes {GitlabPipeline.ParentFile})"); continue; }
                throw new RealmCiException($"{full}: a hand-written pipeline that does not include realm-ci's: add `include: [{{ local: {GitlabPipeline.ParentFile} }}]` to it (its stages: must then list realm-ci-plan and realm-ci), or pass --force to replace it", ExitCodes.InvalidInput);
            }
            if (request.Check)
            {
                if (current == text) continue;
                stale++;
                stdout.Write(current is null ? $"missing: {path}\n" : UnifiedDiff.Between(current, text, "a/" + path, "b/" + path));
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            if (current != text) AtomicFile.WriteText(full, text);
            stdout.WriteLine($"{(current == text ? "unchanged" : "wrote")} {path}");
        }
        if (!request.Check) return ExitCodes.Success;
        stdout.WriteLine(stale == 0 ? $"CI files up to date ({files.Count})" : $"{stale} of {files.Count} CI file(s) stale: regenerate with the command in their first lines");
        return stale == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>
    /// Each profile's plan at each trust its triggers call for: trusted (push, approved, tag,
    /// schedule, manual; also a profile with no trigger) and untrusted (pr), or only the one
    /// given (<c>--plan</c>).
    /// </summary>
    private static (List<(ProfilePlan Plan, JobCommand Command)>, CiSettings) Plans(CiRequest request, Trust? only = null)
    {
        var matrix = MatrixFile.Open(request.MatrixFile);
        var settings = CiSettingsReader.LoadFile(request.SettingsFile ?? CiSettingsReader.PathFor(request.MatrixFile));
        var caps = request.Caps ?? Caps.For(request.Platform);
        var matrixPath = Relative(request.Root, request.MatrixFile);
        var pin = settings.Repository == "self" ? null : settings.Ref ?? GitHead(request.Root);
        var plans = new List<(ProfilePlan, JobCommand)>();
        foreach (var profile in CiPlanner.Profiles(matrix, settings, request.Profiles))
        {
            var triggers = settings.Triggers.TryGetValue(profile, out var t) ? t : [];
            var command = new JobCommand(settings, matrixPath, pin, profile);
            if (only is { } one) { plans.Add((CiPlanner.Plan(matrix, settings, request.Selection, profile, caps, one, Unsupported(matrix, request.Source)), command)); continue; }
            if (request.Platform == CiPlatform.Gitlab)
            {
                // GitLab decides by the ref at run time (protected or not): one plan (dynamic), or a child per trust level (static).
                var trusted = CiPlanner.Plan(matrix, settings, request.Selection, profile, caps, Trust.Trusted);
                plans.Add((trusted, command));
                if (request.Static && trusted.Jobs.Any(j => !Trust.Untrusted.Allows(j.Runner with { BuildOn = j.BuildOn })))
                    plans.Add((CiPlanner.Plan(matrix, settings, request.Selection, profile, caps, Trust.Untrusted), command));
                continue;
            }
            // GitHub: a trusted workflow (push, approved, tag, schedule, manual; also a profile with no trigger), an untrusted one (pr).
            Trust[] trusts =
            [
                .. triggers.IsEmpty || triggers.Any(x => TrustLevels.Of(x) == Trust.Trusted) ? [Trust.Trusted] : Array.Empty<Trust>(),
                .. triggers.Any(x => TrustLevels.Of(x) == Trust.Untrusted) ? [Trust.Untrusted] : Array.Empty<Trust>(),
            ];
            foreach (var trust in trusts)
            {
                var plan = CiPlanner.Plan(matrix, settings, request.Selection, profile, caps, trust);
                plans.Add((plan with { Triggers = [.. plan.Triggers.Where(x => TrustLevels.Of(x) == trust)] }, command));
            }
        }
        return (plans, settings);
    }

    /// <summary>Configurations the checkout cannot be built in (Id → why), from its facts; none without a checkout or an <c>unsupported:</c> override.</summary>
    private static IReadOnlyDictionary<string, string>? Unsupported(ExpandedMatrix matrix, string? source)
    {
        var conditions = FactConditions.Of(matrix.Definition);
        if (source is null || !conditions.Overrides.Any(o => o.Unsupported is not null)) return null;
        var facts = conditions.Read(Execution.SourceLocator.ProjectFolder(source, matrix.Definition.Source));
        return matrix.Rows.Select(r => (r.Id, Why: conditions.Unsupported(r.Id, facts))).Where(x => x.Why is not null).ToDictionary(x => x.Id, x => x.Why!);
    }

    private static string Header(string platform, string mode, IReadOnlyList<string> profiles, string matrix, CiSettings settings) =>
        $"Generated by realm-ci from {matrix}; do not edit. Regenerate (or add --check to compare):\n"
        + $"  ./build.sh --target=Ci --ci={platform}{mode} --matrix={matrix} {string.Join(' ', profiles.Select(p => "--profile=" + p))}"
        + (platform == "github" && !GithubSteps.Pinned(settings) ? "\nActions are named by major tag, not pinned: add an actions: table to ci.yaml (README.md, \"CI\")." : "");

    private static string Relative(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) ? throw new RealmCiException($"--matrix={file}: generated jobs find the matrix inside realm-ci's folder ({root}); this one is outside it") : relative;
    }

    private static string? GitHead(string root)
    {
        try
        {
            using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", ["-C", root, "rev-parse", "HEAD"])
                { RedirectStandardOutput = true, RedirectStandardError = true });
            var head = git!.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && head.Length == 40 ? head : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }
}
