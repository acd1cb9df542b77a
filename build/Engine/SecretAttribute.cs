namespace Mvps.Build.Engine;

/// <summary>The parameter's value is never printed.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
