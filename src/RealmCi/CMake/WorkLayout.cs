using RealmCi.Layout;
namespace RealmCi.CMake;

/// <summary>
/// Where things are, as the commands see them: <c>/src</c> and <c>/work</c> in a container,
/// the real folders on the host. The work folder is the configuration's artifacts folder.
/// </summary>
public sealed record WorkLayout(string Source, string Work)
{
    public string Build => Work + "/" + ConfigurationFolder.BuildName;
    public string Install => Work + "/" + ConfigurationFolder.InstallName;
    public string JUnit => Work + "/" + ConfigurationFolder.JUnitName;
    public string WrappedTests => Work + "/wrapped-tests";
    public string GtestOutput => Build + "/realm-ci-gtest";
}
