namespace Mvps.Build.Engine;

/// <summary>A parameter and where its current value came from.</summary>
public sealed record ParameterBinding(ParameterMember Parameter, string Source)
{
    public const string DefaultSource = "default";
    public const string CommandLineSource = "command line";
}
