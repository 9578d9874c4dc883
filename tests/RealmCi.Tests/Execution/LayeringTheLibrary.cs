using System.Reflection;
using RealmCi.Tests.Matrix;

namespace RealmCi.Tests.Execution;

/// <summary>Results flow one way: Execution produces them, Caching and Reporting consume them, neither reaches back.</summary>
public sealed class LayeringTheLibrary
{
    private static readonly Assembly Library = typeof(RealmCi.Results.ConfigurationResult).Assembly;

    [Theory]
    [InlineData("RealmCi.Caching")]
    [InlineData("RealmCi.Reporting")]
    [InlineData("RealmCi.Results")]
    public void NoTypeOfTheNamespaceUsesExecutionInItsSignatures(string ns)
    {
        var offending = new List<string>();
        foreach (var type in Library.GetTypes().Where(t => t.Namespace == ns))
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            IEnumerable<Type> used = [.. type.GetFields(all).Select(f => f.FieldType), .. type.GetProperties(all).Select(p => p.PropertyType),
                .. type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)),
                .. type.GetConstructors(all).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)), .. type.GetInterfaces()];
            offending.AddRange(used.SelectMany(Flatten).Where(t => t.Namespace == "RealmCi.Execution").Select(t => $"{type.Name} uses {t.Name}"));
        }
        Assert.Empty(offending);
    }

    [Theory]
    [InlineData("Caching")]
    [InlineData("Reporting")]
    [InlineData("Results")]
    public void NoSourceFileOfTheFolderImportsExecution(string folder)
    {
        var files = Directory.GetFiles(Path.Combine(Yaml.RepoRoot, "src", "RealmCi", folder), "*.cs");
        Assert.NotEmpty(files);
        Assert.Empty(files.Where(f => File.ReadAllText(f).Contains("RealmCi.Execution", StringComparison.Ordinal)).Select(Path.GetFileName));
    }

    private static IEnumerable<Type> Flatten(Type t) =>
        t.IsGenericType ? t.GetGenericArguments().SelectMany(Flatten).Prepend(t) : t.HasElementType ? Flatten(t.GetElementType()!).Prepend(t) : [t];
}
