using RealmCi.Errors;

namespace RealmCi.Matrix;

/// <summary>The selection is empty: nothing to do, exit 5 in every target (a CI job that asked for work must not go green by accident).</summary>
public sealed class EmptySelectionException(string message) : RealmCiException(message, ExitCodes.EmptySelection);
