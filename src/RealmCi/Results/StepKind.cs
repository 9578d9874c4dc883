namespace RealmCi.Results;

/// <summary>The steps of a configuration (see Execution's StepPlan for their commands and order; Coverage, with --coverage, runs after Test; Abi, with --abi-baseline, after Install).</summary>
public enum StepKind { Image, Configure, Build, Test, Install, Coverage, Abi }
