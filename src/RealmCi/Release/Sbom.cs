using System.Security.Cryptography;
using System.Text;
using RealmCi.Matrix;

namespace RealmCi.Release;

/// <summary>
/// The SBOM of one binary (CycloneDX 1.6 JSON): the project's build as the main component; what
/// is built into the binary from the configuration's declared sources (GASNet-EX, UCC: the
/// archive's URL and SHA-256) as <c>scope: required</c> components; and every package of the image
/// it was built in, with versions and package URLs (<c>pkg:deb/debian/NAME@VERSION?arch=amd64</c>),
/// as <c>scope: excluded</c> — the build's tools and environment, not contents of the archive. The
/// main component depends on the declared sources and the configuration's own packages; each
/// package on what dpkg says it depends on.
/// </summary>
public static class Sbom
{
    public static CycloneDxBom For(ReleaseNames names, GitTag tag, BuildConfiguration c, string platform, ReleaseFile archive, ImageFacts facts)
    {
        var main = new CdxComponent("library", $"pkg:generic/{names.Project}@{Purl.Encode(names.Version)}?configuration={c.Id}&platform={platform}",
            names.Project, names.Version, $"pkg:generic/{names.Project}@{Purl.Encode(names.Version)}",
            $"{names.Project} {names.Version} ({tag.Name}, commit {tag.Commit}), configuration {c.Id}, {platform}",
            [new CdxHash("SHA-256", archive.Sha256)]);
        var installed = facts.Packages.ToDictionary(p => p.Name, StringComparer.Ordinal);
        string Ref(InstalledPackage p) => Purl.Deb(facts.Distribution, p);

        var linked = c.Sources.Select(Linked).ToList();
        var components = linked.Concat(facts.Packages.Select(p => new CdxComponent("library", Ref(p), p.Name, p.Version, Ref(p)) { Scope = "excluded" })).ToList();
        var dependencies = new List<CdxDependency>
        {
            new(main.BomRef!, [.. linked.Select(l => l.BomRef!), .. c.Settings.Packages.Distinct().Where(installed.ContainsKey).Order(StringComparer.Ordinal).Select(n => Ref(installed[n]))]),
        };
        dependencies.AddRange(linked.Select(l => new CdxDependency(l.BomRef!, [])));
        dependencies.AddRange(facts.Packages.Select(p => new CdxDependency(Ref(p),
            [.. p.Depends.Where(installed.ContainsKey).Select(n => Ref(installed[n])).Distinct().Order(StringComparer.Ordinal)])));

        return new CycloneDxBom("CycloneDX", "1.6", SerialNumber(archive.Sha256, facts), 1,
            new CdxMetadata(tag.CommitTime,
                new CdxTools([new CdxComponent("application", null, "realm-ci", typeof(Sbom).Assembly.GetName().Version?.ToString(3))]),
                main,
                [
                    new CdxProperty("realm-ci:tag", tag.Name),
                    new CdxProperty("realm-ci:commit", tag.Commit),
                    new CdxProperty("realm-ci:configuration", c.Id),
                    new CdxProperty("realm-ci:compiler", facts.Compiler),
                ]),
            components, dependencies);
    }

    /// <summary>A declared source built into the binary: named by its archive's URL and SHA-256 (the matrix pins both).</summary>
    private static CdxComponent Linked(DeclaredSource source)
    {
        var purl = $"pkg:generic/{Purl.Encode(source.Name)}?download_url={Purl.Encode(source.Url.ToString())}&checksum=sha256:{source.Sha256}";
        return new CdxComponent("library", purl, source.Name, null, purl, $"built from {source.File} into the binary", [new CdxHash("SHA-256", source.Sha256)])
        {
            Scope = "required",
            ExternalReferences = [new CdxExternalReference("distribution", source.Url.ToString(), [new CdxHash("SHA-256", source.Sha256)])],
        };
    }

    /// <summary>A stable urn:uuid (a name-based UUID, version 5 layout) from the binary's checksum and the image's packages.</summary>
    internal static string SerialNumber(string archiveSha256, ImageFacts facts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(archiveSha256 + "\n" + string.Join("\n", facts.Packages.Select(p => p.Name + "=" + p.Version))));
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes.AsSpan(0, 16));
        return $"urn:uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }
}

/// <summary>Package URLs (purl): the type, namespace, name, percent-encoded version and qualifiers.</summary>
public static class Purl
{
    public static string Deb(string distribution, InstalledPackage p) =>
        $"pkg:deb/{Encode(distribution)}/{Encode(p.Name)}@{Encode(p.Version)}?arch={Encode(p.Architecture)}";

    /// <summary>Percent-encodes everything but unreserved characters (so an epoch's ':' and a '+' are encoded).</summary>
    public static string Encode(string text)
    {
        var result = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var ch = (char)b;
            if (char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-' or '_' or '~') result.Append(ch);
            else result.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return result.ToString();
    }
}
