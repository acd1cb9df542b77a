namespace Mvps.Build.Engine;

/// <summary>Collects what a target's configuration lambda declares.</summary>
internal sealed class TargetDefinition : ITargetDefinition
{
    public string? DescriptionText { get; private set; }
    public List<Action> Actions { get; } = [];
    public List<Target> DependsOnTargets { get; } = [];
    public List<Target> DependentForTargets { get; } = [];
    public List<Target> AfterTargets { get; } = [];
    public List<Target> BeforeTargets { get; } = [];
    public List<Target> TriggeredByTargets { get; } = [];
    public List<Func<bool>> StaticConditions { get; } = [];
    public bool IsUnlisted { get; private set; }

    public ITargetDefinition Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    public ITargetDefinition Executes(Action action)
    {
        Actions.Add(action);
        return this;
    }

    public ITargetDefinition DependsOn(params Target[] targets) => AddTo(DependsOnTargets, targets);
    public ITargetDefinition DependentFor(params Target[] targets) => AddTo(DependentForTargets, targets);
    public ITargetDefinition After(params Target[] targets) => AddTo(AfterTargets, targets);
    public ITargetDefinition Before(params Target[] targets) => AddTo(BeforeTargets, targets);
    public ITargetDefinition TriggeredBy(params Target[] targets) => AddTo(TriggeredByTargets, targets);

    public ITargetDefinition OnlyWhenStatic(params Func<bool>[] conditions)
    {
        StaticConditions.AddRange(conditions);
        return this;
    }

    public ITargetDefinition Unlisted()
    {
        IsUnlisted = true;
        return this;
    }

    private TargetDefinition AddTo(List<Target> list, Target[] targets)
    {
        list.AddRange(targets);
        return this;
    }
}
