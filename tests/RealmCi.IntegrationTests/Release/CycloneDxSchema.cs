using NJsonSchema;

namespace RealmCi.IntegrationTests.Release;

/// <summary>
/// The official CycloneDX 1.6 JSON schema (and the spdx and jsf schemas it references), from npm's
/// @cyclonedx/cyclonedx-library, installed into a cache folder by tests/tools/cyclonedx-schemas.sh.
/// Missing and not installable is a failure, never a skip. Integration only: it may fetch from npm.
/// </summary>
internal static class CycloneDxSchema
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(LoadAsync);

    public static Task<JsonSchema> Bom16 => Schema.Value;

    private static async Task<JsonSchema> LoadAsync()
    {
        var script = Path.Combine(EngineFixture.Root, "tests", "tools", "cyclonedx-schemas.sh");
        var info = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        using var p = System.Diagnostics.Process.Start(info)!;
        var folder = (await p.StandardOutput.ReadToEndAsync()).Trim();
        var error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        var file = Path.Combine(folder, "bom-1.6.SNAPSHOT.schema.json");
        if (p.ExitCode != 0 || !File.Exists(file))
            Assert.Fail($"the CycloneDX schemas are not installed and {script} could not install them (exit {p.ExitCode}): {error.Trim()}");
        return await JsonSchema.FromFileAsync(file);
    }
}
