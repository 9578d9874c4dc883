using System.Text.RegularExpressions;
using RealmCi.Ci;
using RealmCi.Errors;
using RealmCi.Tests.Matrix;
using Xunit.Abstractions;

namespace RealmCi.Tests.Ci;

/// <summary>
/// Seeded mutations of the real <c>matrix/ci.yaml</c> (the matrix fuzzer's mutations): each must
/// give settings or a user error whose every line is <c>FILE:LINE:COLUMN: message</c>, never any
/// other exception. A failure prints the seed and the mutations to replay it.
/// </summary>
public sealed partial class FuzzingCiSettings(ITestOutputHelper output)
{
    private const int Cases = 400;

    [GeneratedRegex(@"^ci\.yaml:\d+:\d+: \S")]
    private static partial Regex Located();

    [Fact]
    public void NoMutationOfTheRealCiSettingsEscapesAsAnUnexpectedException()
    {
        var original = File.ReadAllText(Path.Combine(Path.GetDirectoryName(Yaml.RealmMatrixPath)!, "ci.yaml"));
        var failures = new List<string>();
        int read = 0, rejected = 0;
        for (var seed = 1; seed <= Cases; seed++)
        {
            var (text, steps) = FuzzingTheMatrixFile.Mutate(original, seed);
            try
            {
                CiSettingsReader.Load(text, "ci.yaml");
                read++;
            }
            catch (RealmCiException e) when (e.Message.Split(Environment.NewLine).All(l => Located().IsMatch(l)))
            {
                rejected++;
            }
            catch (Exception e)
            {
                failures.Add($"seed {seed} [{string.Join("; ", steps)}]: {e.GetType().FullName}: {e.Message}");
            }
        }
        output.WriteLine($"{Cases} cases: {read} read, {rejected} rejected as user errors");
        Assert.True(failures.Count == 0, $"{failures.Count} of {Cases} mutations crashed or gave an unlocated error:\n" + string.Join("\n", failures.Take(20)));
        Assert.True(rejected > Cases / 4, $"only {rejected} of {Cases} mutations were rejected: the mutations are too weak to test anything");
    }

    [Theory]
    [InlineData("ci:\n  triggers: [pr\n", 3)]
    [InlineData("ci:\n  runners: *nowhere\n", 2)]
    [InlineData("ci: {\n", 2)]
    public void MalformedCiSettingsAreOneLocatedLine(string text, int line)
    {
        var e = Assert.Throws<RealmCiException>(() => CiSettingsReader.Load(text, "ci.yaml"));
        Assert.Matches(Located(), e.Message);
        Assert.StartsWith($"ci.yaml:{line}:", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void AnEmptyFileMeansTheDefaults() =>
        Assert.Equal(new CiSettings().Schedule, CiSettingsReader.Load("# nothing yet\n", "ci.yaml").Schedule);
}
