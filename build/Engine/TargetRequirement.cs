namespace Mvps.Build.Engine;

/// <summary>A requirement checked before the run; <see cref="Message"/> explains a failure.</summary>
internal sealed record TargetRequirement(Func<bool> IsMet, string Message);
