using System.Linq.Expressions;
using System.Text.RegularExpressions;

namespace Mvps.Build.Engine;

/// <summary>Collects what a target's configuration lambda declares.</summary>
internal sealed partial class TargetDefinition : ITargetDefinition
{
    private readonly string _targetName;

    public TargetDefinition(string targetName) => _targetName = targetName;

    public string? DescriptionText { get; private set; }
    public List<Func<Task>> Actions { get; } = [];
    public List<Target> DependsOnTargets { get; } = [];
    public List<Target> DependentForTargets { get; } = [];
    public List<Target> AfterTargets { get; } = [];
    public List<Target> BeforeTargets { get; } = [];
    public List<Target> TriggersTargets { get; } = [];
    public List<Target> TriggeredByTargets { get; } = [];
    public List<Func<bool>> StaticConditions { get; } = [];
    public List<Func<bool>> DynamicConditions { get; } = [];
    public List<TargetRequirement> Requirements { get; } = [];
    public List<string> ProducedPatterns { get; } = [];
    public bool IsProceedAfterFailure { get; private set; }
    public bool IsAssuredAfterFailure { get; private set; }
    public bool IsUnlisted { get; private set; }

    public ITargetDefinition Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    public ITargetDefinition Executes(Action action)
    {
        Actions.Add(() =>
        {
            action();
            return Task.CompletedTask;
        });
        return this;
    }

    public ITargetDefinition Executes(Func<Task> action)
    {
        Actions.Add(action);
        return this;
    }

    public ITargetDefinition DependsOn(params Target[] targets) => AddTo(DependsOnTargets, targets);
    public ITargetDefinition DependentFor(params Target[] targets) => AddTo(DependentForTargets, targets);
    public ITargetDefinition After(params Target[] targets) => AddTo(AfterTargets, targets);
    public ITargetDefinition Before(params Target[] targets) => AddTo(BeforeTargets, targets);
    public ITargetDefinition Triggers(params Target[] targets) => AddTo(TriggersTargets, targets);
    public ITargetDefinition TriggeredBy(params Target[] targets) => AddTo(TriggeredByTargets, targets);

    public ITargetDefinition OnlyWhenStatic(params Func<bool>[] conditions)
    {
        StaticConditions.AddRange(conditions);
        return this;
    }

    public ITargetDefinition OnlyWhenDynamic(params Func<bool>[] conditions)
    {
        DynamicConditions.AddRange(conditions);
        return this;
    }

    public ITargetDefinition Requires(params Expression<Func<bool>>[] requirements)
    {
        foreach (var requirement in requirements)
        {
            var check = requirement.Compile();
            var text = CleanExpression(requirement.Body.ToString());
            Requirements.Add(new TargetRequirement(check, $"Target '{_targetName}' requires '{text}', which is false."));
        }

        return this;
    }

    public ITargetDefinition Requires<T>(params Expression<Func<T>>[] parameters)
    {
        foreach (var parameter in parameters)
        {
            var getter = parameter.Compile();
            var body = parameter.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : parameter.Body;
            var message = body is MemberExpression member
                ? $"Target '{_targetName}' requires parameter '{member.Member.Name}' (--{ParameterNames.ToKebabCase(member.Member.Name)}), which has no value."
                : $"Target '{_targetName}' requires '{CleanExpression(body.ToString())}' to have a value.";
            Requirements.Add(new TargetRequirement(() => HasValue(getter()), message));
        }

        return this;
    }

    public ITargetDefinition Produces(params string[] patterns)
    {
        ProducedPatterns.AddRange(patterns);
        return this;
    }

    public ITargetDefinition ProceedAfterFailure()
    {
        IsProceedAfterFailure = true;
        return this;
    }

    public ITargetDefinition AssuredAfterFailure()
    {
        IsAssuredAfterFailure = true;
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

    private static bool HasValue(object? value) => value switch
    {
        null => false,
        string text => !string.IsNullOrWhiteSpace(text),
        Array array => array.Length > 0,
        _ => true,
    };

    // Expression.ToString() prints captured instances as "value(Build)."; drop that noise.
    private static string CleanExpression(string text) => ClosureReference().Replace(text, "");

    [GeneratedRegex(@"value\([^)]*\)\.")]
    private static partial Regex ClosureReference();
}
