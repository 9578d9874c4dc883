namespace RealmCi.Reporting;

/// <summary>Writes a file so that readers see the old content or the new, never half of it.</summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var temp = path + $".tmp-{Environment.ProcessId}";
        using (var stream = File.Create(temp)) write(stream);
        File.Move(temp, path, overwrite: true);
    }

    public static void WriteText(string path, string text) => Write(path, s => { using var w = new StreamWriter(s); w.Write(text); });
}
