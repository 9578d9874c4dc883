namespace RealmCi.Release;

/// <summary>The release folder's own files: manifest.json, release-notes.md, then SHA256SUMS over every other file.</summary>
public static class ReleaseFiles
{
    public static void Write(string folder, ReleaseManifest manifest, string sourceFolder)
    {
        var at = new Layout.ReleaseFolder(folder);
        File.WriteAllText(at.Manifest, ReleaseJson.Serialize(manifest));
        File.WriteAllText(at.Notes, ReleaseNotes.Render(manifest, sourceFolder));
        var files = Directory.EnumerateFiles(folder).Where(f => Path.GetFileName(f) != Layout.ReleaseFolder.ChecksumsName).Select(Checksums.Of);
        File.WriteAllText(at.Checksums, Checksums.Sha256Sums(files));
    }
}
