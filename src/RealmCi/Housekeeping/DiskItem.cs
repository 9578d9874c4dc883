namespace RealmCi.Housekeeping;

/// <summary>What realm-ci keeps on disk, by kind.</summary>
public enum DiskKind { Image, BuildTree, CacheEntry, Ccache, SourceClone, CacheFolder }

/// <summary>
/// One thing realm-ci made that takes space: what it is, where, how big, and when it was last
/// used (for images, the later of when it was made and when a kept result last named it).
/// <see cref="Location"/> is an image tag or a folder/file path.
/// </summary>
public sealed record DiskItem(DiskKind Kind, string Name, long Bytes, DateTimeOffset LastUsed, string Location)
{
    public string KindName => Kind switch
    {
        DiskKind.Image => "image",
        DiskKind.BuildTree => "build tree",
        DiskKind.CacheEntry => "cache entry",
        DiskKind.Ccache => "ccache",
        DiskKind.CacheFolder => "cache folder",
        _ => "source clone",
    };
}
