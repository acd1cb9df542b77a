using System.Text.Json;

namespace Mvps.Interop.Tests.Infrastructure;

/// <summary>The parts of evidence/mvps_pcap_receipt.json these tests hold the tools against.</summary>
internal sealed record EvidenceReceipt(IReadOnlyList<ReceiptCapture> Captures, IReadOnlyList<ReceiptValidationStep> Validation)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // A renamed or dropped receipt property must fail loudly, not read as 0.
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    private static readonly Lazy<EvidenceReceipt> Committed = new(() => Load(RepositoryLayout.ReceiptPath));

    public static EvidenceReceipt Load(string path) =>
        JsonSerializer.Deserialize<EvidenceReceipt>(File.ReadAllBytes(path), Options)
        ?? throw new InvalidDataException($"{path}: empty receipt");

    public static EvidenceReceipt CommittedReceipt => Committed.Value;

    public ReceiptCapture Capture(string file) =>
        Captures.SingleOrDefault(capture => capture.File == file)
        ?? throw new InvalidDataException($"receipt has no capture named {file}");
}

internal sealed record ReceiptCapture(string File, int Packets, long Bytes, string Sha256, ReceiptSummary Summary, IReadOnlyList<ReceiptFrame> Frames);

internal sealed record ReceiptSummary(
    uint FirstTick,
    uint LastTick,
    long LostTicks,
    long MaxGapUs,
    long MaxAbsPhiNs,
    double MinCoherence,
    double MaxCoherence,
    long Alarms,
    long SessionTimeouts,
    ReceiptFramesByState FramesByState);

internal sealed record ReceiptFramesByState(long AdminDown, long Down, long Init, long Up);

internal sealed record ReceiptFrame(
    int Index,
    string Timestamp,
    long TimestampSeconds,
    int TimestampMicroseconds,
    int IpIdentification,
    string IpChecksum,
    string UdpChecksum,
    ReceiptBfd Bfd,
    ReceiptMvps Mvps,
    string Tag,
    string PayloadSha256,
    string FrameSha256)
{
    /// <summary>Wireshark numbers frames from 1, the receipt indexes them from 0.</summary>
    public int FrameNumber => Index + 1;

    /// <summary>The timestamp as seconds.microseconds, the way tcpdump -tt prints it.</summary>
    public string EpochMicroseconds => $"{TimestampSeconds}.{TimestampMicroseconds:D6}";
}

internal sealed record ReceiptBfd(
    int Version,
    int Diagnostic,
    int State,
    int Flags,
    int DetectMultiplier,
    int Length,
    uint MyDiscriminator,
    uint YourDiscriminator,
    uint DesiredMinTxUs,
    uint RequiredMinRxUs,
    uint RequiredMinEchoRxUs);

internal sealed record ReceiptMvps(
    int ExtensionVersion,
    int Flags,
    bool Alarm,
    int VantageId,
    uint LatticePeriodUs,
    string Magic,
    uint Tick,
    int PhiNs,
    double C1,
    string C1Bits,
    double C2,
    string C2Bits,
    double C3,
    string C3Bits);

/// <summary>One recipe step; <see cref="Setup"/> (optional) is run once before it in a release folder.</summary>
internal sealed record ReceiptValidationStep(string Id, string Claim, string Command, string ExpectedOutput, string? Setup = null);
