namespace Mvps.Build.Engine;

/// <summary>
/// Fluent description of a target; method names mirror Nuke.Common. Only what this build's targets use is
/// here (each with engine tests): Nuke's Triggers, OnlyWhenDynamic, Requires, async Executes, Produces,
/// ProceedAfterFailure, AssuredAfterFailure and the build hooks were removed with their last user.
/// </summary>
public interface ITargetDefinition
{
    ITargetDefinition Description(string description);
    ITargetDefinition Executes(Action action);

    /// <summary>The given targets run before this one and are added to the plan.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>This target runs before the given ones and is added to the plan when they are.</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    /// <summary>Ordering only: when both are planned, this target runs after the given ones.</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>Ordering only: when both are planned, this target runs before the given ones.</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>This target is added to the plan and runs after any of the given ones.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <summary>Evaluated once before anything runs; false skips the target and dependencies only it needs.</summary>
    ITargetDefinition OnlyWhenStatic(params Func<bool>[] conditions);

    /// <summary>Hidden from --help.</summary>
    ITargetDefinition Unlisted();
}
