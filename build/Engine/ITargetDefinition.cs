using System.Linq.Expressions;

namespace Mvps.Build.Engine;

/// <summary>Fluent description of a target; method names mirror Nuke.Common.</summary>
public interface ITargetDefinition
{
    ITargetDefinition Description(string description);
    ITargetDefinition Executes(Action action);
    ITargetDefinition Executes(Func<Task> action);

    /// <summary>The given targets run before this one and are added to the plan.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>This target runs before the given ones and is added to the plan when they are.</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    /// <summary>Ordering only: when both are planned, this target runs after the given ones.</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>Ordering only: when both are planned, this target runs before the given ones.</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>The given targets are added to the plan and run after this one.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    /// <summary>This target is added to the plan and runs after any of the given ones.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <summary>Evaluated once before anything runs; false skips the target and dependencies only it needs.</summary>
    ITargetDefinition OnlyWhenStatic(params Func<bool>[] conditions);

    /// <summary>Evaluated just before the target would run; false skips it.</summary>
    ITargetDefinition OnlyWhenDynamic(params Func<bool>[] conditions);

    /// <summary>A condition that must hold before anything runs.</summary>
    ITargetDefinition Requires(params Expression<Func<bool>>[] requirements);

    /// <summary>Parameters that must have a value (non-null, non-empty) before anything runs.</summary>
    ITargetDefinition Requires<T>(params Expression<Func<T>>[] parameters);

    ITargetDefinition Produces(params string[] patterns);

    /// <summary>When this target fails, the build still runs targets that do not depend on it.</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>This target runs even when earlier targets (including its dependencies) failed.</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Hidden from --help.</summary>
    ITargetDefinition Unlisted();
}
