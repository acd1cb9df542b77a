using System.Diagnostics;

namespace Mvps.Build.Engine;

/// <summary>
/// Runs a prepared plan. A failure marks dependants NotRun; unless --continue is given, every later target is
/// NotRun too.
/// </summary>
internal static class BuildExecutor
{
    public static void Execute(NukeBuild build, IReadOnlyList<ExecutableTarget> plan, bool continueOnFailure)
    {
        var stopped = false;
        foreach (var target in plan)
        {
            if (target.Status == ExecutionStatus.Skipped)
            {
                continue;
            }

            var blocked = target.ExecutionDependencies.Concat(target.TriggerDependencies)
                .Any(dependency => dependency.Status is ExecutionStatus.Failed or ExecutionStatus.NotRun);
            if (stopped || blocked)
            {
                target.Status = ExecutionStatus.NotRun;
                continue;
            }

            Run(build, target);
            if (target.Status == ExecutionStatus.Failed && !continueOnFailure)
            {
                stopped = true;
            }
        }
    }

    private static void Run(NukeBuild build, ExecutableTarget target)
    {
        if (target.Definition.Actions.Count == 0)
        {
            target.Status = ExecutionStatus.Collective;
            return;
        }

        Log.Information("");
        Log.Information($"=== {target.Name} ===");
        build.CurrentTarget = target;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            foreach (var action in target.Definition.Actions)
            {
                action();
            }

            target.Status = ExecutionStatus.Succeeded;
        }
        catch (Exception exception)
        {
            target.Status = ExecutionStatus.Failed;
            target.FailureMessage = Describe(exception);
        }
        finally
        {
            target.Duration = stopwatch.Elapsed;
            build.CurrentTarget = null;
        }
    }

    // Messages only: a BuildException says everything; anything else also names its type. No stack traces.
    private static string Describe(Exception exception)
    {
        var inner = exception is System.Reflection.TargetInvocationException { InnerException: { } wrapped } ? wrapped : exception;
        return inner is BuildException ? inner.Message : $"{inner.GetType().Name}: {inner.Message}";
    }
}
