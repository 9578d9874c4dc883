using RealmCi.Build;
using RealmCi.Build.Host;
using RealmCi.Errors;

namespace RealmCi.Tests.Host;

public class ParsingTheCommandLine
{
    private static ILookup<string, string> Parse(params string[] args) => CommandLine.Parse(args, BuildOptions.All);

    [Fact]
    public void EqualsAndSpaceFormsAreTheSame()
    {
        Assert.Equal("pr", Parse("--profile=pr")["profile"].Single());
        Assert.Equal("pr", Parse("--profile", "pr")["profile"].Single());
        Assert.Equal("Matrix", Parse("-t", "Matrix")["target"].Single());
    }

    [Fact]
    public void RepeatableOptionsCollectEveryValue() =>
        Assert.Equal(["a", "b"], Parse("--config=a", "--config", "b")["config"]);

    [Fact]
    public void ASingleValueOptionGivenTwiceIsAnError() =>
        Assert.Contains("given twice", Assert.Throws<RealmCiException>(() => Parse("--matrix=a", "--matrix=b")).Message);

    [Fact]
    public void AFlagNeedsNoValue() => Assert.Equal("true", Parse("--help")["help"].Single());

    [Fact]
    public void AMissingValueSaysWhatToWrite() =>
        Assert.Contains("--shard=I/N", Assert.Throws<RealmCiException>(() => Parse("--shard")).Message);

    [Fact]
    public void APositionalArgumentIsRejected() =>
        Assert.Contains("unexpected argument 'Matrix'", Assert.Throws<RealmCiException>(() => Parse("Matrix")).Message);
}
