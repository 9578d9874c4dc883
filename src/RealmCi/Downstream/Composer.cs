using System.Formats.Tar;
using RealmCi.Errors;

namespace RealmCi.Downstream;

/// <summary>
/// Performs a <see cref="CompositionPlan"/> into its (emptied) destination: the downstream at its
/// ref from <c>git archive</c> (the user's checkout is only read), patches with <c>git apply</c>
/// (outside any repository: <c>GIT_CEILING_DIRECTORIES</c> stops git finding one above the copy),
/// overlays and the install tree copied in. A failing step is a <see cref="RealmCiException"/>
/// naming the step and git's last line.
/// </summary>
public static class Composer
{
    public static async Task ApplyAsync(CompositionPlan plan, Action<string> log, CancellationToken cancellation)
    {
        if (Directory.Exists(plan.Destination)) Directory.Delete(plan.Destination, recursive: true);
        Directory.CreateDirectory(plan.Destination);
        foreach (var step in plan.Steps)
        {
            log($"{plan.Downstream}: {step}");
            var to = Path.Combine(plan.Destination, step.To);
            switch (step.Action)
            {
                case CompositionAction.Checkout:
                    await CheckoutAsync(step, plan.Destination, cancellation);
                    break;
                case CompositionAction.Copy:
                    CopyTree(step.From, plan.Destination);
                    break;
                case CompositionAction.Patch:
                    var env = new Dictionary<string, string> { ["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(Path.GetFullPath(plan.Destination))! };
                    var applied = await Processes.CaptureAsync("git", ["apply", "--verbose", step.From], cancellation, plan.Destination, env);
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
