namespace Mvps.Build.Engine;

/// <summary>A build target: a function that configures its definition, as in Nuke.</summary>
public delegate ITargetDefinition Target(ITargetDefinition _);
