using System.Linq.Expressions;

namespace Mvps.Build.Engine;

/// <summary>Base class of a build: targets are <see cref="Target"/> properties, parameters [Parameter] members.</summary>
public abstract class NukeBuild
{
    private AbsolutePath? _rootDirectory;

    /// <summary>The folder containing .nuke/ (or --root).</summary>
    public AbsolutePath RootDirectory
    {
        get => _rootDirectory ?? throw new InvalidOperationException("RootDirectory is set when the build starts.");
        internal set => _rootDirectory = value;
    }

    public AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";

    /// <summary>True when a CI server runs the build (environment variable CI, TF_BUILD or GITHUB_ACTIONS set).</summary>
    public bool IsServerBuild { get; internal set; }

    public bool IsLocalBuild => !IsServerBuild;

    public IReadOnlyList<ExecutableTarget> ExecutableTargets { get; internal set; } = [];

    /// <summary>The planned targets in execution order.</summary>
    public IReadOnlyList<ExecutableTarget> ExecutionPlan { get; internal set; } = [];

    public IReadOnlyList<ExecutableTarget> InvokedTargets => ExecutionPlan.Where(target => target.Invoked).ToList();

    public IReadOnlyList<ParameterBinding> ParameterBindings { get; internal set; } = [];

    public bool IsSuccessful => ExecutionPlan.All(target => target.Status is not (ExecutionStatus.Failed or ExecutionStatus.NotRun));

    internal ExecutableTarget? CurrentTarget { get; set; }

    /// <summary>Runs the build <typeparamref name="T"/> with the process's command line and environment.</summary>
    public static int Execute<T>(params Expression<Func<T, Target>>[] defaultTargets)
        where T : NukeBuild, new()
    {
        var defaults = defaultTargets.Select(DefaultTargetName).ToList();
        var args = Environment.GetCommandLineArgs().Skip(1).ToList();
        return BuildRunner.Run(new T(), args, Environment.GetEnvironmentVariable, rootDirectory: null, Console.Out, defaults);
    }

    /// <summary>Sets the key figure the summary table shows for the target that is running.</summary>
    protected void ReportSummary(string keyFigure)
    {
        var target = CurrentTarget ?? throw new InvalidOperationException("ReportSummary is only valid inside a target's Executes.");
        target.SummaryText = keyFigure;
    }

    /// <summary>A line the build prints last, after the summary table (the Test target's "N passed, N failed").</summary>
    protected void ReportFinalLine(string line) => FinalLine = line;

    internal string? FinalLine { get; private set; }

    /// <summary>Sets the key figure as "key: value" pairs, in the given order.</summary>
    protected void ReportSummary(params (string Key, string Value)[] pairs) =>
        ReportSummary(string.Join(", ", pairs.Select(pair => $"{pair.Key}: {pair.Value}")));

    private static string DefaultTargetName<T>(Expression<Func<T, Target>> expression) =>
        expression.Body is MemberExpression member
            ? member.Member.Name
            : throw new ArgumentException("Default targets are given as x => x.TargetName.", nameof(expression));
}
