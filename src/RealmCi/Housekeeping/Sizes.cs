using System.Globalization;

namespace RealmCi.Housekeeping;

/// <summary>Sizes and times of files and folders (symbolic links are not followed), and sizes as people read them.</summary>
public static class Sizes
{
    private static readonly EnumerationOptions Everything = new() { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };

    public static long Of(string path) =>
        File.Exists(path) ? new FileInfo(path).Length
        : Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles("*", Everything).Sum(f => f.Length)
        : 0;

    /// <summary>The latest write time of the path or anything in it.</summary>
    public static DateTime Newest(string path)
    {
        if (File.Exists(path)) return File.GetLastWriteTimeUtc(path);
        var newest = Directory.GetLastWriteTimeUtc(path);
        foreach (var f in new DirectoryInfo(path).EnumerateFiles("*", Everything))
            if (f.LastWriteTimeUtc > newest) newest = f.LastWriteTimeUtc;
        return newest;
    }

    /// <summary>1.5 GiB, 12 MiB, 300 KiB, 20 B.</summary>
    public static string Human(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1) { value /= 1024; unit++; }
        return unit == 0 ? $"{bytes} B" : string.Create(CultureInfo.InvariantCulture, $"{value:0.#} {units[unit]}");
    }

    /// <summary>"today", "1 day", "12 days".</summary>
    public static string Age(TimeSpan age) => age.TotalDays < 1 ? "today" : ((int)age.TotalDays) == 1 ? "1 day" : $"{(int)age.TotalDays} days";
}
