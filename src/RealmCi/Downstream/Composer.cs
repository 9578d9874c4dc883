using System.Formats.Tar;
using RealmCi.Errors;

namespace RealmCi.Downstream;

/// <summary>
/// Performs a <see cref="CompositionPlan"/>: the downstream at its ref from <c>git archive</c> (the
/// user's checkout is only read), patches with <c>git apply</c> (outside any repository:
/// <c>GIT_CEILING_DIRECTORIES</c> stops git finding one above the copy), overlays and the install
/// tree copied in — all into an emptied staging folder beside the destination, which
/// <see cref="TreeMirror"/> then makes the destination equal to, leaving files whose bytes did not
/// change untouched: a build tree over the composed copy (a canary rerun, the next bisection
/// candidate) rebuilds only what changed. A failing step is a <see cref="RealmCiException"/>
/// naming the step and git's last line (the destination is then left as it was).
/// </summary>
public static class Composer
{
    public static async Task ApplyAsync(CompositionPlan plan, Action<string> log, CancellationToken cancellation)
    {
        var staging = Path.TrimEndingDirectorySeparator(plan.Destination) + ".next";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        try
        {
            await ComposeAsync(plan, staging, log, cancellation);
            var (written, kept, removed) = TreeMirror.Mirror(staging, plan.Destination);
            log($"{plan.Downstream}: composed copy {plan.Destination}: {written} file(s) written, {kept} unchanged, {removed} removed");
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private static async Task ComposeAsync(CompositionPlan plan, string destination, Action<string> log, CancellationToken cancellation)
    {
        foreach (var step in plan.Steps)
        {
            log($"{plan.Downstream}: {step}");
            var to = Path.Combine(destination, step.To);
            switch (step.Action)
            {
                case CompositionAction.Checkout:
                    await CheckoutAsync(step, destination, cancellation);
                    break;
                case CompositionAction.Copy:
                    CopyTree(step.From, destination);
                    break;
                case CompositionAction.Patch:
                    var env = new Dictionary<string, string> { ["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(Path.GetFullPath(destination))! };
                    var applied = await Processes.CaptureAsync("git", ["apply", "--verbose", step.From], cancellation, destination, env);
                    if (applied.ExitCode != 0) throw new RealmCiException($"{plan.Downstream}: patch {step.From} does not apply: {applied.LastError}", ExitCodes.Failed);
                    break;
                case CompositionAction.Overlay or CompositionAction.Install when Directory.Exists(step.From):
                    if (Directory.Exists(to)) Directory.Delete(to, recursive: true);
                    CopyTree(step.From, to);
                    break;
                default:
                    Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                    File.Copy(step.From, to, overwrite: true);
                    break;
            }
        }
    }

    private static async Task CheckoutAsync(CompositionStep step, string destination, CancellationToken cancellation)
    {
        var tar = destination.TrimEnd('/') + ".tar";
        try
        {
            await using (var file = File.Create(tar))
            {
                var archive = await Processes.PipeToAsync("git", ["-C", step.From, "archive", "--format=tar", $"{step.Ref}^{{commit}}"], file, cancellation);
                if (archive.ExitCode != 0)
                    throw new RealmCiException($"{step.From} has no ref {step.Ref}: {archive.LastError} (fetch it there, or give another --downstream-source)", ExitCodes.Unavailable);
            }
            await TarFile.ExtractToDirectoryAsync(tar, destination, overwriteFiles: true, cancellation);
        }
        finally { File.Delete(tar); }
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from))
            if (Path.GetFileName(dir) != ".git") CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)));
        foreach (var file in Directory.EnumerateFiles(from))
        {
            var target = Path.Combine(to, Path.GetFileName(file));
            if (new FileInfo(file).LinkTarget is { } link) File.CreateSymbolicLink(target, link);
            else File.Copy(file, target, overwrite: true);
        }
    }
}
