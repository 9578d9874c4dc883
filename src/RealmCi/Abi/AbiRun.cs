using RealmCi.Bisect;
using RealmCi.Containers;
using RealmCi.Errors;
using RealmCi.Execution;
using RealmCi.Matrix;
using RealmCi.Results;
using RealmCi.Layout;

namespace RealmCi.Abi;

/// <summary>
/// --abi-baseline=REF before the Build or Test target's run: resolves REF in the source (read
/// only), clones the source at REF into ARTIFACTS/abi-baseline/source (a plain local clone with
/// tags, never the user's checkout), builds the same configurations there through the normal
/// pipeline — same image, shared ccache, the result cache (an unchanged baseline is a cache hit
/// that still gives its dump) — each dumping its library's ABI; then returns the selection and
/// options of the run under test, which compares with those dumps.
/// </summary>
public static class AbiRun
{
    /// <summary>The selection and options of the run under test; null when the run was interrupted during the baseline.</summary>
    public static async Task<(Selection Selection, PipelineOptions Options)?> PrepareAsync(string reference, Selection selection, PipelineOptions options,
        AbiLibrary? library, Func<IContainerEngine> connect, IRunObserver observer, CancellationToken cancellation)
    {
        if (library is null)
            throw new RealmCiException($"--abi-baseline: the matrix file {options.MatrixFile} has no 'abi' section (abi: {{ library: lib/librealm.so, name: realm, packages: [abi-dumper, abi-compliance-checker] }})");
        var commit = await BisectRepository.ResolveAsync(options.Source, reference, "--abi-baseline", cancellation);
        var work = new ArtifactsFolder(options.Artifacts).AbiBaseline;
        var clone = await BisectRepository.CloneAsync(options.Source, Path.Combine(work, "source"), cancellation);
        await clone.CheckoutAsync(commit, cancellation);
        var name = $"{reference} ({commit[..12]})";

        var baseline = new AbiOptions(library, reference);
        var baselineOptions = options with
        {
            Source = clone.Path,
            Artifacts = Path.Combine(work, "artifacts"),
            RunTests = false,
            Pack = false,
            FromPack = null,
            Coverage = false,
            Abi = baseline,
            ArtifactsArgument = Path.Combine(work, "artifacts"),
            // Another commit under the same Id: its warnings neither fail it nor become the next run's warning baseline.
            Warnings = options.Warnings with { Policy = Warnings.WarningPolicy.Report, Remember = false },
        };
        observer.Log($"ABI baseline {name}: building {selection.Configurations.Count} configuration(s) shared with -g in {clone.Path}");
        var recording = new RecordingObserver(observer, forwardSummary: false);
        await Pipeline.RunAsync(Prepared(selection, baseline), baselineOptions, connect, recording, cancellation);
        if (cancellation.IsCancellationRequested) return null; // interrupted during the baseline: the selection is not started
        foreach (var r in recording.Results.Where(r => r.Status is not (ConfigurationStatus.Passed or ConfigurationStatus.Cached)))
            observer.Log($"{r.Id}: the ABI baseline {name} did not build ({r.StatusText}: {r.Note}); see {r.Artifacts}");

        var underTest = new AbiOptions(library, "under-test")
        {
            BaselineArtifacts = baselineOptions.Artifacts,
            Baseline = name,
            BaselineCommit = commit,
            Reference = reference,
        };
        return (Prepared(selection, underTest), options with { Abi = underTest });
    }

    private static Selection Prepared(Selection selection, AbiOptions abi) =>
        selection with { Configurations = [.. selection.Configurations.Select(c => AbiBuild.Prepare(c, abi))] };
}
