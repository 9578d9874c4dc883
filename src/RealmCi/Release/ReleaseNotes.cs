using System.Text;

namespace RealmCi.Release;

/// <summary><c>release-notes.md</c>: the version, the configurations with test counts, checksums, and how to verify and reproduce.</summary>
public static class ReleaseNotes
{
    public static string Render(ReleaseManifest m, string reproduceSource)
    {
        var text = new StringBuilder();
        text.Append($"# {m.Project} {m.Version}\n\n");
        text.Append($"Built from tag `{m.Tag}` (commit `{m.Commit}`, {m.CommitTime:yyyy-MM-dd HH:mm:ss} UTC). ");
        text.Append($"Every binary was built and tested from the source package `{m.Source.File}`, ");
        text.Append("and a downstream CMake project was built against it and run in a clean container.\n\n");
        text.Append("## Binaries\n\n");
        text.Append("| configuration | archive | tests passed | failed | skipped | compiler | size |\n|---|---|---|---|---|---|---|\n");
        foreach (var a in m.Artifacts)
            text.Append($"| `{a.Configuration}` | `{a.File}` | {a.Tests.Passed} | {a.Tests.Failed} | {a.Tests.Skipped} | {a.Toolchain.Compiler} | {Size(a.Size)} |\n");
        if (m.Missing.Count > 0)
        {
            text.Append("\nNot in this release:\n\n");
            foreach (var missing in m.Missing) text.Append($"- `{missing.Configuration}`: {missing.Reason}{(missing.Allowed ? " (allowed by --allow-missing)" : "")}\n");
        }
        text.Append("\n## Checksums (SHA-256)\n\n```\n");
        text.Append(Checksums.Sha256Sums(m.Artifacts.Select(a => new ReleaseFile(a.File, a.Size, a.Sha256)).Append(m.Source)));
        text.Append("```\n\n## Verify\n\n```sh\nsha256sum -c SHA256SUMS\n```\n\n");
        text.Append("Each archive has a CycloneDX 1.6 SBOM beside it (`.cdx.json`): the build and every package of the image it was built in. ");
        text.Append("`manifest.json` lists, per binary, the configuration's axes and CMake definitions, the image, compiler and key library versions, and test counts.\n\n");
        text.Append("## Reproduce a binary\n\n");
        text.Append("From the source package, with realm-ci (any configuration Id above):\n\n```sh\n");
        text.Append($"tar -xzf {m.Source.File}\n");
        var first = m.Artifacts.FirstOrDefault()?.Configuration ?? "ID";
        text.Append($"./build.sh --target=Test --realm-source=$PWD/{reproduceSource} --config={first} --force\n```\n\n");
        text.Append("or the whole release from the tag, in a realm-ci checkout:\n\n```sh\n");
        text.Append($"./build.sh --target=Release --tag={m.Tag} --realm-source=PATH/TO/CHECKOUT {string.Join(' ', m.Artifacts.Select(a => $"--config={a.Configuration}"))} --replace\n```\n");
        return text.ToString();
    }

    private static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes / (double)(1 << 20):F1} MiB" : $"{bytes / 1024.0:F1} KiB";
}
