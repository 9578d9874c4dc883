namespace RealmCi.Containers;

/// <summary>Labels on everything the pipeline creates, so it can always be found and removed.</summary>
public static class Labels
{
    public const string Run = "org.realm-ci.run";
    public const string Configuration = "org.realm-ci.config";
    public const string Step = "org.realm-ci.step";
    public const string Pid = "org.realm-ci.pid";
    public const string Host = "org.realm-ci.host";
    public const string Recipe = "org.realm-ci.recipe";
}
