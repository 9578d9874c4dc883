using System.Diagnostics;

namespace RealmCi.IntegrationTests.Sources;

/// <summary>A real git repository in a temporary folder, built commit by commit with the real git; removed afterwards.</summary>
public sealed class ScratchRepository : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("realm-ci-git-").FullName;

    public string Work => Path.Combine(Root, "work");

    public string Url => "file://" + Work;

    public ScratchRepository()
    {
        Directory.CreateDirectory(Work);
        Git("init", "-q", "-b", "main");
        Git("config", "uploadpack.allowFilter", "true"); // a server that allows blob-less clones, as GitHub does
    }

    public string Commit(string message, params (string Path, string Text)[] files)
    {
        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Work, path))!);
            File.WriteAllText(Path.Combine(Work, path), text);
        }
        Git("add", "-A");
        Git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "--allow-empty", "-m", message);
        return Git("rev-parse", "HEAD").Trim();
    }

    public string Git(params string[] args) => Run(Work, args);

    public static string Run(string folder, params string[] args)
    {
        var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        info.ArgumentList.Add("-C");
        info.ArgumentList.Add(folder);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)} in {folder}: {stderr}");
        return stdout.Result;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
