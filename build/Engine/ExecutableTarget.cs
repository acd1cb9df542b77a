using System.Reflection;

namespace Mvps.Build.Engine;

/// <summary>A target resolved from a build class: its definition, graph edges and run result.</summary>
public sealed class ExecutableTarget
{
    internal ExecutableTarget(string name, int declarationIndex, MethodInfo factoryMethod, TargetDefinition definition)
    {
        Name = name;
        DeclarationIndex = declarationIndex;
        FactoryMethod = factoryMethod;
        Definition = definition;
    }

    public string Name { get; }

    /// <summary>Position in declaration order; breaks every ordering tie.</summary>
    public int DeclarationIndex { get; }

    public string? Description => Definition.DescriptionText;
    public bool Listed => !Definition.IsUnlisted;

    /// <summary>Must run before this one and are pulled into the plan (DependsOn and reverse DependentFor).</summary>
    public IReadOnlyList<ExecutableTarget> ExecutionDependencies => ExecutionDependencyList;

    /// <summary>Targets that pull this one into the plan and run before it (TriggeredBy).</summary>
    public IReadOnlyList<ExecutableTarget> TriggerDependencies => TriggerDependencyList;

    /// <summary>Run before this one only when both are planned (After and reverse Before).</summary>
    public IReadOnlyList<ExecutableTarget> OrderDependencies => OrderDependencyList;

    /// <summary>Targets this one pulls into the plan, to run after it (reverse TriggeredBy).</summary>
    public IReadOnlyList<ExecutableTarget> Triggers => TriggerList;

    public bool Invoked { get; internal set; }
    public ExecutionStatus Status { get; internal set; } = ExecutionStatus.Scheduled;
    public string? SkipReason { get; internal set; }
    public string? FailureMessage { get; internal set; }
    public TimeSpan Duration { get; internal set; }

    /// <summary>The key figure reported through <see cref="NukeBuild.ReportSummary(string)"/>.</summary>
    public string? SummaryText { get; internal set; }

    /// <summary>Why the planner included this target ("invoked", "dependency of X", "triggered by X").</summary>
    public IReadOnlyList<string> PlanReasons => PlanReasonList;

    internal MethodInfo FactoryMethod { get; }
    internal TargetDefinition Definition { get; }
    internal List<ExecutableTarget> ExecutionDependencyList { get; } = [];
    internal List<ExecutableTarget> TriggerDependencyList { get; } = [];
    internal List<ExecutableTarget> OrderDependencyList { get; } = [];
    internal List<ExecutableTarget> TriggerList { get; } = [];
    internal List<string> PlanReasonList { get; } = [];

    public override string ToString() => Name;
}
