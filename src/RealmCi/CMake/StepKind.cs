namespace RealmCi.CMake;

public enum StepKind { Image, Configure, Build, Test, Install }

/// <summary>One command of a step: an argument list, never a shell string.</summary>
public sealed record StepCommand(StepKind Kind, IReadOnlyList<string> Arguments, TimeSpan Timeout);
