namespace Mvps.Build.Engine;

/// <summary>Marks planned targets Skipped before the run: by --skip and by false static conditions.</summary>
internal static class TargetSkipper
{
    /// <summary>--skip without names skips every target that was not invoked; with names, exactly those.</summary>
    public static void ApplySkipOption(IReadOnlyList<ExecutableTarget> plan, IReadOnlyList<ExecutableTarget>? skipped)
    {
        if (skipped is null)
        {
            return;
        }

        foreach (var target in plan)
        {
            if (skipped.Count == 0 ? !target.Invoked : skipped.Contains(target))
            {
                Skip(target, "--skip");
            }
        }
    }

    /// <summary>
    /// A false OnlyWhenStatic skips the target, and also (as Nuke's default) the dependencies that were planned
    /// only for skipped targets.
    /// </summary>
    public static void ApplyStaticConditions(IReadOnlyList<ExecutableTarget> plan)
    {
        foreach (var target in plan)
        {
            if (target.Status == ExecutionStatus.Scheduled && !target.Definition.StaticConditions.All(condition => condition()))
            {
                Skip(target, "static condition false");
            }
        }

        // Dependants come later in the plan, so walking backwards settles each target's dependants first.
        for (var i = plan.Count - 1; i >= 0; i--)
        {
            var target = plan[i];
            if (target.Status != ExecutionStatus.Scheduled || target.Invoked ||
                target.TriggerDependencies.Any(plan.Contains))
            {
                continue;
            }

            var dependants = plan.Where(other => other.ExecutionDependencies.Contains(target)).ToList();
            if (dependants.Count > 0 && dependants.All(dependant =>
                    dependant.Status == ExecutionStatus.Skipped && dependant.SkipReason != "--skip"))
            {
                Skip(target, "only needed by skipped targets");
            }
        }
    }

    private static void Skip(ExecutableTarget target, string reason)
    {
        target.Status = ExecutionStatus.Skipped;
        target.SkipReason = reason;
    }
}
