namespace RealmCi.Release;

/// <summary>The release folder's own files: manifest.json, release-notes.md, then SHA256SUMS over every other file.</summary>
public static class ReleaseFiles
{
    public static void Write(string folder, ReleaseManifest manifest, string sourceFolder)
    {
        File.WriteAllText(Path.Combine(folder, "manifest.json"), ReleaseJson.Serialize(manifest));
        File.WriteAllText(Path.Combine(folder, "release-notes.md"), ReleaseNotes.Render(manifest, sourceFolder));
        var files = Directory.EnumerateFiles(folder).Where(f => Path.GetFileName(f) != "SHA256SUMS").Select(Checksums.Of);
        File.WriteAllText(Path.Combine(folder, "SHA256SUMS"), Checksums.Sha256Sums(files));
    }
}
