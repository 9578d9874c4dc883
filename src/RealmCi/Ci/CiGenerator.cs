using System.Security.Cryptography;
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

    /// <summary>With <see cref="Plan"/> on GitHub: the build-once (pack) jobs' list instead of the test jobs'.</summary>
    public bool Packs { get; init; }
    public bool Check { get; init; }
    public required string Output { get; init; }

    /// <summary>ci.yaml (default: next to the matrix file).</summary>
    public string? SettingsFile { get; init; }

    /// <summary>The platform's limits (default: its documented ones).</summary>
    public Caps? Caps { get; init; }
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
        if (request.Platform == CiPlatform.Github)
            foreach (var (plan, command) in plans)
                files.Add((GithubWorkflow.FileName(plan.Profile), GithubWorkflow.Write(plan, command, settings, !request.Static,
                    Header(platform, mode, [plan.Profile], command.MatrixPath))));
        else
        {
            var profiles = plans.Select(p => p.Plan.Profile).ToList();
            files.Add((GitlabPipeline.ParentFile, GitlabPipeline.Parent(plans, settings, !request.Static, Header(platform, mode, profiles, plans[0].Command.MatrixPath))));
            if (request.Static)
                foreach (var (plan, command) in plans)
                    files.Add((GitlabPipeline.ChildFile(plan.Profile), GitlabPipeline.Child(plan, command, settings, Header(platform, mode, [plan.Profile], command.MatrixPath))));
        }
        foreach (var (path, text) in files)
            if (Encoding.UTF8.GetByteCount(text) > caps.MaxBytes)
                throw new RealmCiException($"{path}: the generated file would be {Encoding.UTF8.GetByteCount(text)} bytes, over the platform's {caps.MaxBytes}; use the dynamic mode (no --static) or fewer profiles", ExitCodes.InvalidInput);
        return files;
    }

    /// <summary>One profile's job list for the running pipeline: JSON for GitHub's fromJSON, a child pipeline for GitLab.</summary>
    public static string Plan(CiRequest request)
    {
        if (request.Profiles.Distinct().Count() != 1) throw new RealmCiException("--plan: give exactly one --profile (the pipeline that is running)");
        var (plans, settings) = Plans(request);
        var (plan, command) = plans[0];
        return request.Platform == CiPlatform.Github
            ? (request.Packs ? GithubWorkflow.PackJson(plan, command) : GithubWorkflow.PlanJson(plan, command, settings)) + "\n"
            : GitlabPipeline.Child(plan, command, settings, Header("gitlab", " --plan", [plan.Profile], command.MatrixPath));
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

    private static (List<(ProfilePlan Plan, JobCommand Command)>, CiSettings) Plans(CiRequest request)
    {
        var matrix = MatrixFile.Open(request.MatrixFile);
        var settings = CiSettingsReader.LoadFile(request.SettingsFile ?? CiSettingsReader.PathFor(request.MatrixFile));
        var caps = request.Caps ?? Caps.For(request.Platform);
        var matrixPath = Relative(request.Root, request.MatrixFile);
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(request.MatrixFile)))[..12];
        var pin = settings.Repository == "self" ? null : settings.Ref ?? GitHead(request.Root);
        var plans = CiPlanner.Profiles(matrix, settings, request.Profiles)
            .Select(p => (CiPlanner.Plan(matrix, settings, request.Selection, p, caps), new JobCommand(settings, matrixPath, hash, pin, p)))
            .ToList();
        return (plans, settings);
    }

    private static string Header(string platform, string mode, IReadOnlyList<string> profiles, string matrix) =>
        $"Generated by realm-ci from {matrix}; do not edit. Regenerate (or add --check to compare):\n"
        + $"  ./build.sh --target=Ci --ci={platform}{mode} --matrix={matrix} {string.Join(' ', profiles.Select(p => "--profile=" + p))}";

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
