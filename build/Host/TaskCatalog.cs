using System.Reflection;

namespace RealmCi.Build.Host;

/// <summary>One target: its name, description, dependencies and implementation type.</summary>
public sealed record TaskInfo(string Name, string Description, IReadOnlyList<string> Dependencies, Type Type);

/// <summary>Finds the task classes of an assembly, as Cake.Frosting does.</summary>
public static class TaskCatalog
{
    public static IReadOnlyList<TaskInfo> Discover<TContext>(Assembly assembly)
    {
        static string NameOf(Type t) => t.GetCustomAttribute<TaskNameAttribute>()?.Name ?? t.Name.Replace("Task", "", StringComparison.Ordinal);
        return assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(FrostingTask<TContext>).IsAssignableFrom(t))
            .Select(t => new TaskInfo(
                NameOf(t),
                t.GetCustomAttribute<TaskDescriptionAttribute>()?.Description ?? "",
                t.GetCustomAttributes<IsDependentOnAttribute>().Select(d => NameOf(d.Task)).ToList(),
                t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
    }
}
