namespace Mvps.Release;

/// <summary>
/// Everything the provenance statement says about the build, all supplied by the caller: nothing is
/// read from the clock, the machine or the user. Optional members are left out of the statement when null.
/// </summary>
/// <param name="Target">The build target that produced the release, e.g. "Release".</param>
/// <param name="Version">The released version.</param>
/// <param name="Repository">The source repository URI; written as "git+&lt;uri&gt;" unless it already starts with "git+".</param>
/// <param name="GitCommit">The commit built, 40 (SHA-1) or 64 (SHA-256) lowercase hex digits.</param>
public sealed record ProvenanceInputs(string Target, string Version, string Repository, string GitCommit)
{
    internal const string DefaultBuildType = "urn:mvps-evidence:build-type:release:v1";
    internal const string DefaultBuilderId = "urn:mvps-evidence:builder:nuke";

    internal string BuildType { get; init; } = DefaultBuildType;
    internal string BuilderId { get; init; } = DefaultBuilderId;

    /// <summary>Seconds since 1970 (SOURCE_DATE_EPOCH, the commit time); becomes runDetails.metadata.startedOn.</summary>
    public long? SourceDateEpoch { get; init; }

    /// <summary>A caller-chosen identifier of this build run (e.g. a CI run number); never generated here.</summary>
    public string? InvocationId { get; init; }

    /// <summary>More buildDefinition.externalParameters, written after target and version in ordinal name order.</summary>
    public IReadOnlyDictionary<string, string>? ExternalParameters { get; init; }

    /// <summary>buildDefinition.internalParameters in ordinal name order; left out when null or empty.</summary>
    public IReadOnlyDictionary<string, string>? InternalParameters { get; init; }
}
