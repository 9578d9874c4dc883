namespace RealmCi.Results;

/// <summary>The steps of a configuration, in order (see Execution's StepPlan for their commands).</summary>
public enum StepKind { Image, Configure, Build, Test, Install }
