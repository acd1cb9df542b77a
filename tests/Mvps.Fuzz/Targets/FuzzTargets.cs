namespace Mvps.Fuzz;

/// <summary>The harness's targets by name: the name selects the target on the command line and in MVPS_FUZZ_TARGET, and names its corpus folder.</summary>
public static class FuzzTargets
{
    public const string Capture = "capture";
    public const string Dissector = "dissector";
    public const string Receipt = "receipt";
    public const string ReleaseMetadata = "release-metadata";
    public const string PemKey = "pem-key";
    public const string BfdSession = "bfd-session";

    public static readonly string[] Names = [Capture, Dissector, Receipt, ReleaseMetadata, PemKey, BfdSession];

    /// <summary>
    /// A new target. <paramref name="workFolder"/> is a folder the target alone writes into (the receipt and key
    /// targets hand their input to file readers); <paramref name="repositoryRoot"/> gives the receipt target its capture.
    /// </summary>
    public static IFuzzTarget Create(string name, string workFolder, string repositoryRoot) => name switch
    {
        Capture => new CaptureTarget(),
        Dissector => new DissectorTarget(),
        Receipt => new ReceiptTarget(workFolder, Path.Combine(repositoryRoot, "evidence", "mvps_baseline.pcap")),
        ReleaseMetadata => new ReleaseMetadataTarget(),
        PemKey => new PemKeyTarget(workFolder),
        BfdSession => new BfdSessionTarget(),
        _ => throw new ArgumentException($"unknown fuzz target \"{name}\"; the targets are {string.Join(", ", Names)}"),
    };
}
