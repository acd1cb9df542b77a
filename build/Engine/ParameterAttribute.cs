namespace Mvps.Build.Engine;

/// <summary>Marks a field or property of the build class as a parameter (command line, environment, parameters.json).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    public string? Description { get; } = description;

    /// <summary>Overrides the member name as the parameter name.</summary>
    public string? Name { get; set; }
}
