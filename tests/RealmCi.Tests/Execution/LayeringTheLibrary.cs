using System.Reflection;
using System.Text.RegularExpressions;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Execution;

/// <summary>
/// Dependencies between the library's folders go one way. Each pair says a namespace must not
/// use another, checked twice: in the compiled signatures (fields, properties, parameters, return
/// types, interfaces) and in the source (imports and qualified names, which also covers bodies).
/// </summary>
public sealed class LayeringTheLibrary
{
    private static readonly Assembly Library = typeof(RealmCi.Results.ConfigurationResult).Assembly;

    public static TheoryData<string, string> OneWay => new()
    {
        // Execution produces results; caching, reporting and the results themselves never reach back.
        { "Caching", "Execution" }, { "Reporting", "Execution" }, { "Results", "Execution" },
        { "Matrix", "Reporting" },   // reporting lists the matrix, the matrix knows nothing of reports
        { "Errors", "Matrix" },      // errors are the bottom layer: every folder may throw them
        { "Packs", "Execution" },    // packs are archives; running from one is Execution's (PackRun)
        { "Downstream", "Bisect" },  // Bisect --downstream runs a canary per candidate; the canary knows nothing of bisecting
        { "Results", "CMake" },      // a result is not a CMake notion (TestCaseResult, StepKind live in Results)
        { "Results", "Images" },     // images report through the observer's ImageLine; the observer knows nothing of images
    };

    [Theory]
    [MemberData(nameof(OneWay))]
    public void NoTypeOfTheNamespaceUsesTheOtherInItsSignatures(string from, string to)
    {
        var offending = new List<string>();
        var types = Library.GetTypes().Where(t => t.Namespace == $"RealmCi.{from}").ToList();
        Assert.NotEmpty(types);
        foreach (var type in types)
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            IEnumerable<Type> used = [.. type.GetFields(all).Select(f => f.FieldType), .. type.GetProperties(all).Select(p => p.PropertyType),
                .. type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)),
                .. type.GetConstructors(all).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)), .. type.GetInterfaces()];
            if (type.BaseType is { } b) used = used.Append(b);
            offending.AddRange(used.SelectMany(Flatten).Where(t => t.Namespace == $"RealmCi.{to}").Select(t => $"{type.Name} uses {t.Name}"));
        }
        Assert.Empty(offending);
    }

    [Theory]
    [MemberData(nameof(OneWay))]
    public void NoSourceFileOfTheFolderNamesTheOther(string from, string to)
    {
        var files = Directory.GetFiles(Path.Combine(Yaml.RepoRoot, "src", "RealmCi", from), "*.cs");
        Assert.NotEmpty(files);
        // "using RealmCi.X;", "RealmCi.X.Type", or "X.Type" qualified from a sibling namespace (not "r.X.", a member).
        var names = new Regex($@"RealmCi\.{to}\b|(?<![\w.]){to}\.[A-Z]");
        Assert.Empty(files.Where(f => names.IsMatch(File.ReadAllText(f))).Select(Path.GetFileName));
    }

    private static IEnumerable<Type> Flatten(Type t) =>
        t.IsGenericType ? t.GetGenericArguments().SelectMany(Flatten).Prepend(t) : t.HasElementType ? Flatten(t.GetElementType()!).Prepend(t) : [t];
}
