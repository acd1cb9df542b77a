namespace Mvps.Build.Engine;

/// <summary>
/// Selects the targets to run (invoked ones, their dependencies and what they trigger) and orders them
/// topologically. Among targets that are ready at the same time, the one declared first goes first.
/// </summary>
internal static class ExecutionPlanner
{
    public static IReadOnlyList<ExecutableTarget> Plan(IReadOnlyList<ExecutableTarget> invoked)
    {
        var selected = Select(invoked);
        return Order(selected);
    }

    private static List<ExecutableTarget> Select(IReadOnlyList<ExecutableTarget> invoked)
    {
        var selected = new List<ExecutableTarget>();
        var queue = new Queue<ExecutableTarget>();
        foreach (var target in invoked)
        {
            target.Invoked = true;
            AddReason(target, "invoked");
            Enqueue(target);
        }

        while (queue.Count > 0)
        {
            var target = queue.Dequeue();
            foreach (var dependency in target.ExecutionDependencies)
            {
                AddReason(dependency, $"dependency of {target.Name}");
                Enqueue(dependency);
            }

            foreach (var triggered in target.Triggers)
            {
                AddReason(triggered, $"triggered by {target.Name}");
                Enqueue(triggered);
            }
        }

        return selected;

        void Enqueue(ExecutableTarget target)
        {
            if (!selected.Contains(target))
            {
                selected.Add(target);
                queue.Enqueue(target);
            }
        }
    }

    private static void AddReason(ExecutableTarget target, string reason)
    {
        if (!target.PlanReasonList.Contains(reason))
        {
            target.PlanReasonList.Add(reason);
        }
    }

    /// <summary>Targets that must finish before <paramref name="target"/> when both are planned.</summary>
    public static IEnumerable<ExecutableTarget> Predecessors(ExecutableTarget target) =>
        target.ExecutionDependencies.Concat(target.TriggerDependencies).Concat(target.OrderDependencies);

    private static IReadOnlyList<ExecutableTarget> Order(List<ExecutableTarget> selected)
    {
        var remaining = selected.OrderBy(target => target.DeclarationIndex).ToList();
        var ordered = new List<ExecutableTarget>();
        while (remaining.Count > 0)
        {
            // Lowest declaration index among targets whose planned predecessors are all placed.
            var next = remaining.FirstOrDefault(target =>
                Predecessors(target).All(predecessor => !remaining.Contains(predecessor)));
            if (next is null)
            {
                throw new UsageException("Circular dependency: " + DescribeCycle(remaining));
            }

            remaining.Remove(next);
            ordered.Add(next);
        }

        return ordered;
    }

    // Every target left has a predecessor that is also left; walking predecessors must revisit a target.
    private static string DescribeCycle(List<ExecutableTarget> remaining)
    {
        var path = new List<ExecutableTarget> { remaining[0] };
        while (true)
        {
            var next = Predecessors(path[^1])
                .Where(remaining.Contains)
                .OrderBy(target => target.DeclarationIndex)
                .First();
            var seen = path.IndexOf(next);
            if (seen >= 0)
            {
                return string.Join(" -> ", path.Skip(seen).Append(next).Select(target => target.Name));
            }

            path.Add(next);
        }
    }
}
