using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using RealmCi.Errors;

namespace RealmCi.Release;

/// <summary>
/// Names derived from a tag: the version (<c>legion-25.06.0</c> → <c>25.06.0</c>,
/// <c>v26.7.1</c> → <c>26.7.1</c>), the platform of a base, and the release's file names.
/// </summary>
public static partial class ReleaseVersion
{
    /// <summary>The version a tag names: everything from its first digit (after an optional <c>NAME-</c> and <c>v</c>), which must look like X.Y[.Z…].</summary>
    public static string FromTag(string tag) =>
        TagPattern().Match(tag) is { Success: true } m ? m.Groups["version"].Value
            : throw new RealmCiException($"--tag={tag}: no version in the tag name (expected e.g. v26.7.1 or legion-25.06.0)");

    /// <summary>The platform part of a binary's name: <c>linux-x86_64-debian12</c>.</summary>
    public static string Platform(string baseName) => $"linux-{Architecture}-{baseName}";

    public static string Architecture => RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "x86_64",
        System.Runtime.InteropServices.Architecture.Arm64 => "aarch64",
        var other => other.ToString().ToLowerInvariant(),
    };

    [GeneratedRegex(@"^(?:[A-Za-z][A-Za-z0-9_.]*-)?v?(?<version>\d+(?:\.\d+)+(?:[-+][0-9A-Za-z.+-]*)?)$")]
    private static partial Regex TagPattern();
}

/// <summary>The file names of one release: they carry the project, version, configuration Id and platform.</summary>
public sealed record ReleaseNames(string Project, string Version)
{
    public string Stem(string configurationId, string platform) => $"{Project}-{Version}-{configurationId}-{platform}";

    public string Archive(string configurationId, string platform) => Stem(configurationId, platform) + ".tar.gz";

    public string Sbom(string configurationId, string platform) => Stem(configurationId, platform) + ".cdx.json";

    public string SourceFolder => $"{Project}-{Version}";

    public string SourceArchive => $"{Project}-{Version}-source.tar.gz";
}
