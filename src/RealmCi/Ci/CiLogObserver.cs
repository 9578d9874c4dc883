using RealmCi.Results;
using RealmCi.CMake;
using RealmCi.Execution;
using RealmCi.Matrix;

namespace RealmCi.Ci;

/// <summary>
/// Adds a CI platform's own log markup around another observer's output: under GitHub Actions
/// a <c>::group::</c> per configuration and an <c>::error</c> annotation per failed
/// configuration and failed test; under GitLab a collapsible section per configuration. Groups
/// cannot nest, so a configuration's group closes when another one's output begins.
/// </summary>
public sealed class CiLogObserver(IRunObserver inner, CiPlatform platform, TextWriter output, Func<DateTimeOffset>? clock = null) : IRunObserver
{
    private readonly Func<DateTimeOffset> now = clock ?? (() => DateTimeOffset.UtcNow);
    private readonly object gate = new();
    private string? open;

    /// <summary>The decorated observer under GitHub Actions or GitLab CI (from their environment variables), else <paramref name="inner"/>.</summary>
    public static IRunObserver Wrap(IRunObserver inner, Func<string, string?> environment, TextWriter output) =>
        environment("GITHUB_ACTIONS") == "true" ? new CiLogObserver(inner, CiPlatform.Github, output)
        : environment("GITLAB_CI") == "true" ? new CiLogObserver(inner, CiPlatform.Gitlab, output)
        : inner;

    public Task<T> Around<T>(Func<Task<T>> run) => inner.Around(run);

    public void Log(string line) => inner.Log(line);

    public void Detail(ImageLine line) => inner.Detail(line);

    public void Queued(IReadOnlyList<BuildConfiguration> configurations) => inner.Queued(configurations);

    public void StepStarted(string id, StepKind step, string command)
    {
        lock (gate)
        {
            Enter(id);
            inner.StepStarted(id, step, command);
        }
    }

    public void Progress(string id, int done, int total)
    {
        lock (gate)
        {
            Enter(id);
            inner.Progress(id, done, total);
        }
    }

    public void Finished(ConfigurationResult result)
    {
        lock (gate)
        {
            Enter(result.Id);
            inner.Finished(result);
            Close();
            if (platform != CiPlatform.Github || result.Succeeded) return;
            foreach (var test in result.Tests.Where(t => t.Status == TestStatus.Failed).Take(10))
                Write($"::error title={Property($"{result.Id}: test {test.Name} failed")}::{Data($"{result.Id}: test {test.Name} failed. Reproduce: {result.Reproduce}")}");
            Write($"::error title={Property($"{result.Id} {result.Status.ToString().ToLowerInvariant()}")}::{Data($"{result.Id}: {result.FirstFailure ?? result.Status.ToString().ToLowerInvariant()}. Reproduce: {result.Reproduce}")}");
        }
    }

    public void Summary(IReadOnlyList<ConfigurationResult> results, int selected)
    {
        lock (gate) Close();
        inner.Summary(results, selected);
    }

    private void Enter(string id)
    {
        if (open == id) return;
        Close();
        open = id;
        Write(platform == CiPlatform.Github ? $"::group::{id}" : $"\u001b[0Ksection_start:{now().ToUnixTimeSeconds()}:{Section(id)}[collapsed=true]\r\u001b[0K{id}");
    }

    private void Close()
    {
        if (open is null) return;
        Write(platform == CiPlatform.Github ? "::endgroup::" : $"\u001b[0Ksection_end:{now().ToUnixTimeSeconds()}:{Section(open)}\r\u001b[0K");
        open = null;
    }

    private void Write(string line)
    {
        output.WriteLine(line);
        output.Flush();
    }

    /// <summary>GitLab section names: letters, digits, '_', '.' and '-'.</summary>
    private static string Section(string id) => "realm-ci_" + new string(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '_').ToArray());

    /// <summary>Workflow-command escaping (data): %, CR, LF.</summary>
    private static string Data(string text) => text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>Workflow-command escaping (a property value): also ':' and ','.</summary>
    private static string Property(string text) => Data(text).Replace(":", "%3A").Replace(",", "%2C");
}
