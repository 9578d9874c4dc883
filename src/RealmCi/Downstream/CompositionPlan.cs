using System.Collections.Immutable;

namespace RealmCi.Downstream;

public enum CompositionAction { Checkout, Copy, Patch, Overlay, Install }

/// <summary>One action on the downstream's copy: <see cref="From"/> a host path, <see cref="To"/> relative to the copy.</summary>
public sealed record CompositionStep(CompositionAction Action, string From, string To, string? Ref = null)
{
    public override string ToString() => Action switch
    {
        CompositionAction.Checkout => $"checkout {Ref} of {From}",
        CompositionAction.Copy => $"copy {From} (not a git checkout: ref not checked)",
        CompositionAction.Patch => $"apply {From}",
        CompositionAction.Overlay => $"overlay {From} → {To}",
        _ => $"install tree {From} → {To}",
    };
}

/// <summary>
/// How one downstream's copy is made, as data (<see cref="CompositionPlanner"/> builds it,
/// <see cref="Composer"/> performs it): the steps in order, the CMake definitions the downstream
/// is configured with, where the Realm under test lands in the copy (<see cref="RealmPaths"/>, for
/// the compile_commands check and coverage), and anything that stops it (<see cref="Problems"/>).
/// </summary>
public sealed record CompositionPlan(
    string Downstream,
    string Kind,
    string Destination,
    ImmutableArray<CompositionStep> Steps,
    ImmutableSortedDictionary<string, string> Cmake,
    ImmutableArray<string> RealmPaths,
    ImmutableArray<string> Problems)
{
    public bool CanCompose => Problems.IsEmpty;

    /// <summary>Where the Realm install lands in the copy (install composition).</summary>
    public const string InstallFolder = ".realm-install";
}
