using System.Formats.Tar;
using RealmCi.Housekeeping;

namespace RealmCi.IntegrationTests;

/// <summary>
/// The Clean target's library entry on the real engine, with images this test makes under a
/// repository prefix of its own: it never sees, let alone removes, anyone else's.
/// </summary>
[Collection("engine")]
public class ReclaimingDiskOnTheEngine(EngineFixture fx)
{
    private async Task Import(string reference)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, leaveOpen: true))
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "hello") { DataStream = new MemoryStream(new byte[64 * 1024]) });
        tar.Position = 0;
        await fx.Engine.ImportAsync(tar, reference, CancellationToken.None);
    }

    [Fact]
    public async Task ItListsAndRemovesOnlyImagesUnderItsPrefix()
    {
        var unique = Guid.NewGuid().ToString("N")[..10];
        var prefix = $"realm-ci-test-{unique}/";
        string[] ours = [$"{prefix}one:1", $"{prefix}two:1"];
        var theirs = $"realm-ci-keep-{unique}/three:1";
        var empty = Path.Combine(fx.Work, $"clean-{unique}");
        try
        {
            foreach (var reference in ours.Append(theirs)) await Import(reference);

            var shown = new List<string>();
            var request = new CleanRequest(Path.Combine(empty, "artifacts"), Path.Combine(empty, "cache")) { ImagePrefix = prefix };
            Assert.Equal(0, await DiskCleanup.RunAsync(request, fx.Engine, shown.Add, CancellationToken.None));
            foreach (var reference in ours)
                Assert.Contains(shown, l => l.StartsWith("image", StringComparison.Ordinal) && l.Contains("KiB") && l.Contains(" today ") && l.EndsWith(reference, StringComparison.Ordinal));
            Assert.DoesNotContain(shown, l => l.Contains(theirs));
            Assert.Equal("Nothing removed: add --remove to remove the 2 marked items.", shown[^1]);
            foreach (var reference in ours) Assert.NotNull(await fx.Engine.ImageIdAsync(reference, CancellationToken.None));

            var removed = new List<string>();
            Assert.Equal(0, await DiskCleanup.RunAsync(request with { Remove = true }, fx.Engine, removed.Add, CancellationToken.None));
            foreach (var reference in ours) Assert.Null(await fx.Engine.ImageIdAsync(reference, CancellationToken.None));
            Assert.NotNull(await fx.Engine.ImageIdAsync(theirs, CancellationToken.None));
            Assert.StartsWith("Removed 2 items, ", removed[^1]);
        }
        finally
        {
            foreach (var reference in ours.Append(theirs)) await fx.Engine.RemoveImageAsync(reference, CancellationToken.None);
        }
    }
}
