using System.Reflection;

namespace Mvps.Build.Engine;

/// <summary>Finds the Target properties of a build class and wires their declared relations.</summary>
internal static class TargetDiscovery
{
    private const BindingFlags InstanceMembers =
        BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>
    /// Target properties in declaration order. Reflection does not promise an order, so members are sorted by
    /// MetadataToken, which the compiler assigns in source order (across partial files: the order in which the
    /// files were passed to the compiler); base classes come first.
    /// </summary>
    public static IReadOnlyList<PropertyInfo> FindTargetProperties(Type buildType)
    {
        var hierarchy = new List<Type>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            hierarchy.Insert(0, type);
        }

        return hierarchy
            .SelectMany(type => type.GetProperties(InstanceMembers)
                .Where(property => property.PropertyType == typeof(Target) && property.GetIndexParameters().Length == 0)
                .OrderBy(property => property.MetadataToken))
            .ToList();
    }

    public static IReadOnlyList<ExecutableTarget> Discover(NukeBuild build)
    {
        var properties = FindTargetProperties(build.GetType());
        var targets = new List<ExecutableTarget>();
        var byMethod = new Dictionary<MethodInfo, ExecutableTarget>();
        foreach (var property in properties)
        {
            var factory = (Target?)property.GetValue(build)
                ?? throw new UsageException($"Target property '{property.Name}' returned null.");
            var definition = new TargetDefinition();
            factory(definition);
            var target = new ExecutableTarget(property.Name, targets.Count, factory.Method, definition);
            targets.Add(target);
            byMethod.TryAdd(factory.Method, target);
        }

        foreach (var target in targets)
        {
            var definition = target.Definition;
            foreach (var other in Resolve(definition.DependsOnTargets, byMethod, target))
            {
                AddOnce(target.ExecutionDependencyList, other);
            }

            foreach (var other in Resolve(definition.DependentForTargets, byMethod, target))
            {
                AddOnce(other.ExecutionDependencyList, target);
            }

            foreach (var other in Resolve(definition.AfterTargets, byMethod, target))
            {
                AddOnce(target.OrderDependencyList, other);
            }

            foreach (var other in Resolve(definition.BeforeTargets, byMethod, target))
            {
                AddOnce(other.OrderDependencyList, target);
            }

            foreach (var other in Resolve(definition.TriggeredByTargets, byMethod, target))
            {
                AddOnce(other.TriggerList, target);
                AddOnce(target.TriggerDependencyList, other);
            }
        }

        return targets;
    }

    // Each access to a Target property yields a new delegate, but the lambda's method is stable: identify by it.
    private static IEnumerable<ExecutableTarget> Resolve(
        List<Target> references, Dictionary<MethodInfo, ExecutableTarget> byMethod, ExecutableTarget owner)
    {
        foreach (var reference in references)
        {
            if (!byMethod.TryGetValue(reference.Method, out var target))
            {
                throw new UsageException($"Target '{owner.Name}' refers to a target that is not a Target property of the build.");
            }

            yield return target;
        }
    }

    private static void AddOnce(List<ExecutableTarget> list, ExecutableTarget target)
    {
        if (!list.Contains(target))
        {
            list.Add(target);
        }
    }
}
