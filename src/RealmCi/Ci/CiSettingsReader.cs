using System.Collections.Immutable;
using RealmCi.Errors;
using RealmCi.Matrix;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RealmCi.Ci;

/// <summary>
/// Reads the <c>ci:</c> section of <c>ci.yaml</c> (next to the matrix file) into
/// <see cref="CiSettings"/>; a missing file means the defaults. Every problem is reported at
/// once, each as FILE:LINE:COLUMN, and the target exits 2.
/// </summary>
public static class CiSettingsReader
{
    private static readonly string[] Keys = ["realm-ci", "source", "triggers", "schedule", "branch", "args", "runners", "disk-needs", "approval", "actions", "retention-days", "concurrency", "timeouts", "retry", "environments", "needs", "targets"];
    private static readonly string[] RealmCiKeys = ["repository", "ref"];
    private static readonly string[] RunnersKeys = ["default", "rules"];
    private static readonly string[] RunnerKeys = ["github", "gitlab", "self-hosted", "disk"];
    private static readonly string[] RuleKeys = ["name", "when", "id", "github", "gitlab", "build-on", "self-hosted", "disk"];
    private static readonly string[] DiskNeedKeys = ["when", "id", "gb"];
    private static readonly string[] ApprovalKeys = ["branch-prefix", "ci-files"];
    private static readonly Dictionary<string, Trigger> TriggerNames = new()
    {
        ["pr"] = Trigger.Pr, ["push"] = Trigger.Push, ["schedule"] = Trigger.Schedule, ["tag"] = Trigger.Tag, ["manual"] = Trigger.Manual, ["approved"] = Trigger.Approved,
    };

    /// <summary>The settings file that belongs to a matrix file: <c>ci.yaml</c> in the same folder.</summary>
    public static string PathFor(string matrixFile) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(matrixFile))!, "ci.yaml");

    public static CiSettings LoadFile(string path) => File.Exists(path) ? Load(File.ReadAllText(path), path) : new CiSettings();

    public static CiSettings Load(string text, string file)
    {
        var reader = new YamlReader(file);
        var settings = new CiSettings();
        YamlNode? root;
        try { root = YamlReader.ParseDocumentOrNull(text, file); }
        catch (MatrixException e) { throw new RealmCiException(string.Join(Environment.NewLine, e.Diagnostics.Select(d => d.ToString()))); }
        if (root is null) return settings;
        var top = reader.Mapping(root, "ci.yaml", ["ci"]);
        foreach (var (_, _, ci) in top)
            foreach (var (key, _, value) in reader.Mapping(ci, "ci", Keys))
                settings = key switch
                {
                    "realm-ci" => RealmCi(reader, value, settings),
                    "source" => settings with { Source = reader.Scalar(value, "ci.source") },
                    "triggers" => settings with { Triggers = Triggers(reader, value) },
                    "schedule" => settings with { Schedule = reader.Scalar(value, "ci.schedule") ?? settings.Schedule },
                    "branch" => settings with { Branch = reader.Scalar(value, "ci.branch") ?? settings.Branch },
                    "args" => settings with { Args = reader.StringList(value, "ci.args") },
                    "disk-needs" => settings with { DiskNeeds = DiskNeeds(reader, value) },
                    "approval" => Approval(reader, value, settings),
                    "actions" => settings with { Actions = Actions(reader, value) },
                    "concurrency" or "timeouts" or "retry" or "environments" or "needs" => settings with { Jobs = CiJobSettingsReader.Read(reader, key, value, settings.Jobs) },
                    "targets" => settings with { Targets = Targets(reader, value) },
                    "retention-days" => settings with { RetentionDays = reader.Int(value, "ci.retention-days", 1) ?? settings.RetentionDays },
                    _ => Runners(reader, value, settings),
                };
        foreach (var (profile, target) in settings.Targets)
            if (target != "Test" && settings.Triggers.TryGetValue(profile, out var triggers) && triggers.Contains(Trigger.Pr))
                throw new RealmCiException($"{file}: profile {profile} runs --target={target}, which runs only on trusted refs (approved, push, schedule, tag, manual): drop 'pr' from its triggers", ExitCodes.InvalidInput);
        if (reader.Errors.Count > 0)
            throw new RealmCiException(string.Join(Environment.NewLine, reader.Errors.Select(d => d.ToString())));
        return settings;
    }

    private static ImmutableSortedDictionary<string, string> Targets(YamlReader reader, YamlNode node)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (profile, _, value) in reader.Mapping(node, "ci.targets"))
        {
            var target = reader.Scalar(value, $"ci.targets.{profile}");
            if (target is null) continue;
            if (!CiSettings.KnownTargets.Contains(target)) { reader.Error(value, $"unknown target '{target}' for profile {profile} in ci.targets", Suggest.Hint(target, CiSettings.KnownTargets)); continue; }
            result[profile] = target;
        }
        return result.ToImmutable();
    }

    private static CiSettings RealmCi(YamlReader reader, YamlNode node, CiSettings settings)
    {
        foreach (var (key, _, value) in reader.Mapping(node, "ci.realm-ci", RealmCiKeys))
            settings = key == "repository"
                ? settings with { Repository = reader.Scalar(value, "ci.realm-ci.repository") ?? settings.Repository }
                : settings with { Ref = reader.Scalar(value, "ci.realm-ci.ref") };
        return settings;
    }

    private static ImmutableSortedDictionary<string, ImmutableArray<Trigger>> Triggers(YamlReader reader, YamlNode node)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<Trigger>>(StringComparer.Ordinal);
        foreach (var (profile, _, value) in reader.Mapping(node, "ci.triggers"))
        {
            var triggers = ImmutableArray.CreateBuilder<Trigger>();
            var items = value is YamlSequenceNode seq ? seq.Children.ToList() : [value];
            foreach (var item in items)
            {
                var name = reader.Scalar(item, $"ci.triggers.{profile}");
                if (name is null) continue;
                if (TriggerNames.TryGetValue(name, out var trigger)) triggers.Add(trigger);
                else reader.Error(item, $"unknown trigger '{name}' for profile {profile}", Suggest.Hint(name, TriggerNames.Keys));
            }
            result[profile] = triggers.ToImmutable();
        }
        return result.ToImmutable();
    }

    private static CiSettings Runners(YamlReader reader, YamlNode node, CiSettings settings)
    {
        foreach (var (key, _, value) in reader.Mapping(node, "ci.runners", RunnersKeys))
        {
            if (key == "default") { settings = settings with { DefaultRunner = Runner(reader, value, "default", RunnerKeys) }; continue; }
            if (value is not YamlSequenceNode rules) { reader.Error(value, "ci.runners.rules must be a list of rules"); continue; }
            var list = ImmutableArray.CreateBuilder<RunnerRule>();
            foreach (var rule in rules.Children)
            {
                var entries = reader.Mapping(rule, "a runner rule", RuleKeys);
                var name = entries.FirstOrDefault(e => e.Key == "name").Value is { } n ? reader.Scalar(n, "a runner rule's name") : null;
                if (name is null) { reader.Error(rule, "a runner rule needs a name (e.g. name: gpu-nvidia)"); continue; }
                var axes = entries.FirstOrDefault(e => e.Key == "when").Value is { } w ? reader.StringMap(w, $"ci.runners.rules[{name}].when") : ImmutableSortedDictionary<string, string>.Empty;
                var id = entries.FirstOrDefault(e => e.Key == "id").Value is { } i ? reader.Scalar(i, $"ci.runners.rules[{name}].id") : null;
                var runner = Runner(reader, rule, name, null);
                if (entries.FirstOrDefault(e => e.Key == "build-on").Value is { } b)
                {
                    var candidates = ImmutableArray.CreateBuilder<Runner>();
                    foreach (var builder in reader.StringList(b, $"ci.runners.rules[{name}].build-on"))
                    {
                        var by = builder == "default" ? settings.DefaultRunner : list.Select(r => r.Runner).FirstOrDefault(r => r.Name == builder);
                        if (by is null) reader.Error(b, $"ci.runners.rules[{name}].build-on: no runner '{builder}' (default, or a rule named above)");
                        else candidates.Add(by with { BuildOn = null, BuildOnCandidates = [] });
                    }
                    runner = runner with { BuildOnCandidates = candidates.ToImmutable(), BuildOn = candidates.FirstOrDefault() };
                }
                list.Add(new RunnerRule(axes, id, runner));
            }
            settings = settings with { Runners = list.ToImmutable() };
        }
        return settings;
    }

    private static Runner Runner(YamlReader reader, YamlNode node, string name, string[]? allowed)
    {
        ImmutableArray<string> github = [], gitlab = [];
        bool? selfHosted = null;
        int? disk = null;
        foreach (var (key, _, value) in reader.Mapping(node, $"runner {name}", allowed))
        {
            if (key == "github") github = reader.StringList(value, $"runner {name}: github");
            if (key == "gitlab") gitlab = reader.StringList(value, $"runner {name}: gitlab");
            if (key == "disk") disk = reader.Int(value, $"runner {name}: disk (GB free)", 1);
            if (key == "self-hosted")
            {
                var text = reader.Scalar(value, $"runner {name}: self-hosted");
                if (text is "true" or "false") selfHosted = text == "true";
                else if (text is not null) reader.Error(value, $"runner {name}: self-hosted must be true or false, not '{text}'");
            }
        }
        // build-on is read by the rule (it names another runner).
        if (github.IsEmpty) reader.Error(node, $"runner {name} needs github labels (runs-on), e.g. github: [self-hosted, linux]");
        // Fail safe: a runner GitHub calls self-hosted is one whatever ci.yaml forgot to say.
        if (github.Contains("self-hosted") && selfHosted == false)
            reader.Error(node, $"runner {name}: its github labels say self-hosted but self-hosted: false; a self-hosted runner must never take a pull request's code");
        return new Runner(name, github, gitlab) { SelfHosted = selfHosted ?? github.Contains("self-hosted"), DiskGb = disk };
    }

    private static ImmutableArray<DiskNeed> DiskNeeds(YamlReader reader, YamlNode node)
    {
        if (node is not YamlSequenceNode items) { reader.Error(node, "ci.disk-needs must be a list of { when, id, gb }"); return []; }
        var needs = ImmutableArray.CreateBuilder<DiskNeed>();
        foreach (var item in items.Children)
        {
            var entries = reader.Mapping(item, "a disk need", DiskNeedKeys);
            var axes = entries.FirstOrDefault(e => e.Key == "when").Value is { } w ? reader.StringMap(w, "ci.disk-needs[].when") : ImmutableSortedDictionary<string, string>.Empty;
            var id = entries.FirstOrDefault(e => e.Key == "id").Value is { } i ? reader.Scalar(i, "ci.disk-needs[].id") : null;
            var gb = entries.FirstOrDefault(e => e.Key == "gb").Value is { } g ? reader.Int(g, "ci.disk-needs[].gb", 1) : null;
            if (gb is null) { if (!entries.Any(e => e.Key == "gb")) reader.Error(item, "a disk need needs gb (e.g. gb: 30)"); continue; }
            needs.Add(new DiskNeed(axes, id, gb.Value));
        }
        return needs.ToImmutable();
    }

    private static readonly string[] ActionKeys = ["repository", "sha", "version"];

    private static ImmutableSortedDictionary<string, ActionPin> Actions(YamlReader reader, YamlNode node)
    {
        var pins = ImmutableSortedDictionary.CreateBuilder<string, ActionPin>(StringComparer.Ordinal);
        foreach (var (name, _, value) in reader.Mapping(node, "ci.actions", GithubSteps.Actions))
        {
            var fields = reader.Mapping(value, $"ci.actions.{name}", ActionKeys).ToDictionary(e => e.Key, e => e.Value);
            string? Field(string key) => fields.TryGetValue(key, out var v) ? reader.Scalar(v, $"ci.actions.{name}.{key}") : null;
            var (repository, sha, version) = (Field("repository"), Field("sha"), Field("version"));
            if (repository is null || sha is null || version is null) { reader.Error(value, $"ci.actions.{name} needs repository, sha and version"); continue; }
            if (sha.Length != 40 || !sha.All(char.IsAsciiHexDigitLower)) { reader.Error(fields["sha"], $"ci.actions.{name}.sha must be a full 40-hex-digit commit SHA, not '{sha}'"); continue; }
            pins[name] = new ActionPin(repository, sha, version);
        }
        return pins.ToImmutable();
    }

    private static CiSettings Approval(YamlReader reader, YamlNode node, CiSettings settings)
    {
        foreach (var (key, _, value) in reader.Mapping(node, "ci.approval", ApprovalKeys))
            settings = key == "branch-prefix"
                ? settings with { ApprovedBranchPrefix = reader.Scalar(value, "ci.approval.branch-prefix") ?? settings.ApprovedBranchPrefix }
                : settings with { CiFiles = reader.StringList(value, "ci.approval.ci-files") };
        return settings;
    }
}
