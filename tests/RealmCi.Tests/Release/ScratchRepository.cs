namespace RealmCi.Tests.Release;

/// <summary>A real git repository in a temporary folder: write files, commit, tag.</summary>
internal sealed class ScratchRepository(string folder)
{
    public string Folder { get; } = folder;

    public static ScratchRepository Create(string folder)
    {
        Directory.CreateDirectory(folder);
        var repo = new ScratchRepository(folder);
        repo.Git("init", "-q");
        return repo;
    }

    public ScratchRepository Write(string path, string text)
    {
        var full = Path.Combine(Folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return this;
    }

    public ScratchRepository Commit(string message = "change", string? tag = null)
    {
        Git("add", "-A");
        Git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", message);
        if (tag is not null) Git("tag", tag);
        return this;
    }

    public string Git(params string[] args)
    {
        var info = new System.Diagnostics.ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Folder };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["GIT_COMMITTER_DATE"] = "2025-06-30T12:00:00Z";
        info.Environment["GIT_AUTHOR_DATE"] = "2025-06-30T12:00:00Z";
        using var p = System.Diagnostics.Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)}: {error}");
        return output.Trim();
    }
}
