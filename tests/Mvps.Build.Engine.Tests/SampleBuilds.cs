using Mvps.Build.Engine;

namespace Mvps.Build.Engine.Tests;

/// <summary>A build that records which targets ran, in order.</summary>
internal abstract class RecordingBuild : NukeBuild
{
    public List<string> Ran { get; } = [];

    protected void Record(string name) => Ran.Add(name);

    public ExecutionStatus StatusOf(string name) => ExecutionPlan.Single(target => target.Name == name).Status;
}

internal sealed class OrderBuild : RecordingBuild
{
    private Target Clean => _ => _.Before(Restore).Executes(() => Record(nameof(Clean)));
    private Target Restore => _ => _.Executes(() => Record(nameof(Restore)));
    private Target Compile => _ => _.DependsOn(Restore).Executes(() => Record(nameof(Compile)));
    private Target Pack => _ => _.DependsOn(Compile).After(Test).Executes(() => Record(nameof(Pack)));
    private Target Test => _ => _.DependsOn(Compile).Executes(() => Record(nameof(Test)));
    private Target Report => _ => _.TriggeredBy(Test).Executes(() => Record(nameof(Report)));
    private Target Lint => _ => _.DependentFor(Compile).Executes(() => Record(nameof(Lint)));
    private Target Notify => _ => _.TriggeredBy(Pack).Executes(() => Record(nameof(Notify)));
}

internal sealed class IndependentBuild : RecordingBuild
{
    private Target Alpha => _ => _.Executes(() => Record(nameof(Alpha)));
    private Target Bravo => _ => _.Executes(() => Record(nameof(Bravo)));
    private Target Charlie => _ => _.Executes(() => Record(nameof(Charlie)));
    private Target All => _ => _.DependsOn(Charlie, Bravo, Alpha);
}

internal sealed class CycleBuild : RecordingBuild
{
    private Target A => _ => _.DependsOn(B).Executes(() => Record(nameof(A)));
    private Target B => _ => _.DependsOn(A).Executes(() => Record(nameof(B)));
    private Target C => _ => _.After(E).Executes(() => Record(nameof(C)));
    private Target D => _ => _.DependsOn(C).Executes(() => Record(nameof(D)));
    private Target E => _ => _.DependsOn(D).Executes(() => Record(nameof(E)));
}

internal sealed class ConditionBuild : RecordingBuild
{
    public bool Enabled { get; set; }
    public bool Prepared { get; private set; }

    private Target Prepare => _ => _.Executes(() =>
    {
        Record(nameof(Prepare));
        Prepared = true;
    });

    private Target Generate => _ => _.DependsOn(Prepare).OnlyWhenStatic(() => Enabled).Executes(() => Record(nameof(Generate)));
    private Target StaticLate => _ => _.After(Prepare).OnlyWhenStatic(() => Prepared).Executes(() => Record(nameof(StaticLate)));
}

internal sealed class FailureBuild : RecordingBuild
{
    private Target Broken => _ => _.Executes(() =>
    {
        Record(nameof(Broken));
        throw new BuildException("broken on purpose");
    });

    private Target NeedsBroken => _ => _.DependsOn(Broken).Executes(() => Record(nameof(NeedsBroken)));
    private Target Independent => _ => _.After(Broken).Executes(() => Record(nameof(Independent)));

    private Target Crashing => _ => _.Executes(() =>
    {
        Record(nameof(Crashing));
        throw new InvalidOperationException("also broken");
    });
}

public enum SampleConfiguration
{
    Debug,
    Release,
}

internal sealed class ParameterBuild : NukeBuild
{
    [Parameter("Configuration to build")]
    public SampleConfiguration Configuration { get; set; } = SampleConfiguration.Debug;

    [Parameter("Package source")]
    public string? NuGetSource { get; set; }

    [Parameter("Talk more")]
    public bool Verbose { get; set; }

    [Parameter("How often to retry")]
    public int Retries { get; set; } = 1;

    [Parameter("Labels")]
    public string[] Tags { get; set; } = [];

    [Parameter("Key for publishing"), Secret]
    public string? ApiKey { get; set; }

    private Target Show => _ => _.Description("Does nothing").Executes(() => { });
}

internal sealed class SummaryBuild : NukeBuild
{
    private Target Count => _ => _.Executes(() => ReportSummary("7 passed, 0 failed"));
    private Target Pairs => _ => _.Executes(() => ReportSummary(("Files", "2"), ("Bytes", "3804")));
    private Target Group => _ => _.Description("Collects the others").DependsOn(Count, Pairs);
    private Target Hidden => _ => _.Unlisted().Executes(() => { });
}
